#include "mailbox/decompressor.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "mailbox/sniff.h"

namespace bg::mailbox {

namespace {

constexpr std::size_t kInputBufferSize = 256 * 1024;

// More than any ordinary setting of xz needs (xz -9 uses 64 MiB), so that a hostile header
// cannot make the reader allocate without bound.
constexpr std::uint64_t kXzMemoryLimit = std::uint64_t{512} << 20;

// The compressed bytes, read a buffer at a time.
class CompressedInput {
 public:
  explicit CompressedInput(std::unique_ptr<ByteStream> stream)
      : stream_(std::move(stream)), buffer_(new char[kInputBufferSize]) {}

  // Reads the next buffer when the last one is used up; false once the stream has ended.
  bool refill() {
    if (!ended_ && position_ == size_) {
      size_ = stream_->read(buffer_.get(), kInputBufferSize);
      position_ = 0;
      ended_ = size_ == 0;
    }
    return position_ < size_;
  }
  const unsigned char* data() const {
    return reinterpret_cast<const unsigned char*>(buffer_.get()) + position_;
  }
  std::size_t available() const { return size_ - position_; }
  void advance(std::size_t count) { position_ += count; }
  bool ended() const { return ended_; }
  std::uint64_t consumed() const { return stream_->consumed(); }

 private:
  std::unique_ptr<ByteStream> stream_;
  std::unique_ptr<char[]> buffer_;
  std::size_t position_ = 0;
  std::size_t size_ = 0;
  bool ended_ = false;
};

// A decoder of compressed input. An error is held back until the data decoded before it has
// been read, so that what precedes damage is never lost.
class Decompressor : public ByteStream {
 public:
  explicit Decompressor(std::unique_ptr<ByteStream> compressed) : input_(std::move(compressed)) {}

  std::size_t read(char* buffer, std::size_t size) final {
    if (!error_.empty()) throw StreamError(error_);
    const std::size_t decoded = decode(buffer, size);
    if (decoded == 0 && !error_.empty()) throw StreamError(error_);
    return decoded;
  }

  std::uint64_t consumed() const final { return input_.consumed(); }

 protected:
  // Decodes into `buffer` until some bytes are there, the data ends, or it turns out damaged
  // (then error_ says how). Returns the bytes decoded.
  virtual std::size_t decode(char* buffer, std::size_t size) = 0;

  CompressedInput input_;
  std::string error_;
};

class GzipStream final : public Decompressor {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> compressed)
      : Decompressor(std::move(compressed)) {
    if (inflateInit2(&zlib_, 16 + MAX_WBITS) != Z_OK) throw StreamError("gzip: out of memory");
  }
  ~GzipStream() override { inflateEnd(&zlib_); }

 private:
  std::size_t decode(char* buffer, std::size_t size) override {
    const uInt wanted = static_cast<uInt>(std::min<std::size_t>(size, UINT_MAX));
    zlib_.next_out = reinterpret_cast<Bytef*>(buffer);
    zlib_.avail_out = wanted;
    while (zlib_.avail_out == wanted && !finished_) {
      const bool has_input = input_.refill();
      if (!has_input && !in_member_) break;
      zlib_.next_in = const_cast<Bytef*>(input_.data());
      zlib_.avail_in = static_cast<uInt>(std::min<std::size_t>(input_.available(), UINT_MAX));
      const uInt offered = zlib_.avail_in;
      const int status = inflate(&zlib_, Z_NO_FLUSH);
      input_.advance(offered - zlib_.avail_in);
      if (status == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zlib_);
        finished_ = !another_member_follows();
      } else if (status == Z_BUF_ERROR && !has_input) {
        error_ = "gzip data is truncated";
        break;
      } else if (status != Z_OK) {
        error_ = std::string("corrupt gzip data: ") + (zlib_.msg ? zlib_.msg : "error");
        break;
      } else {
        in_member_ = true;
      }
    }
    return wanted - zlib_.avail_out;
  }

  // Padding or other bytes after a complete member are ignored, as gzip itself does.
  bool another_member_follows() { return input_.refill() && input_.data()[0] == 0x1f; }

  z_stream zlib_{};
  bool in_member_ = false;
  bool finished_ = false;
};

class XzStream final : public Decompressor {
 public:
  explicit XzStream(std::unique_ptr<ByteStream> compressed) : Decompressor(std::move(compressed)) {
    if (lzma_stream_decoder(&lzma_, kXzMemoryLimit, LZMA_CONCATENATED) != LZMA_OK)
      throw StreamError("xz: out of memory");
  }
  ~XzStream() override { lzma_end(&lzma_); }

 private:
  std::size_t decode(char* buffer, std::size_t size) override {
    lzma_.next_out = reinterpret_cast<uint8_t*>(buffer);
    lzma_.avail_out = size;
    while (lzma_.avail_out == size && !finished_) {
      input_.refill();
      lzma_.next_in = input_.data();
      lzma_.avail_in = input_.available();
      const lzma_ret status = lzma_code(&lzma_, input_.ended() ? LZMA_FINISH : LZMA_RUN);
      input_.advance(input_.available() - lzma_.avail_in);
      if (status == LZMA_STREAM_END) {
        finished_ = true;
      } else if (status != LZMA_OK) {
        error_ = status == LZMA_BUF_ERROR        ? "xz data is truncated"
                 : status == LZMA_MEMLIMIT_ERROR ? "xz data needs too much memory"
                                                 : "corrupt xz data";
        break;
      }
    }
    return size - lzma_.avail_out;
  }

  lzma_stream lzma_ = LZMA_STREAM_INIT;
  bool finished_ = false;
};

class Bzip2Stream final : public Decompressor {
 public:
  explicit Bzip2Stream(std::unique_ptr<ByteStream> compressed) : Decompressor(std::move(compressed)) {
    if (BZ2_bzDecompressInit(&bzip2_, 0, 0) != BZ_OK) throw StreamError("bzip2: out of memory");
  }
  ~Bzip2Stream() override { BZ2_bzDecompressEnd(&bzip2_); }

 private:
  std::size_t decode(char* buffer, std::size_t size) override {
    const unsigned wanted = static_cast<unsigned>(std::min<std::size_t>(size, UINT_MAX));
    bzip2_.next_out = buffer;
    bzip2_.avail_out = wanted;
    while (bzip2_.avail_out == wanted && !finished_) {
      if (!input_.refill()) {
        if (in_stream_) error_ = "bzip2 data is truncated";
        break;
      }
      bzip2_.next_in = const_cast<char*>(reinterpret_cast<const char*>(input_.data()));
      bzip2_.avail_in = static_cast<unsigned>(std::min<std::size_t>(input_.available(), UINT_MAX));
      const unsigned offered = bzip2_.avail_in;
      const int status = BZ2_bzDecompress(&bzip2_);
      input_.advance(offered - bzip2_.avail_in);
      if (status == BZ_STREAM_END) {
        in_stream_ = false;
        restart();
        finished_ = !another_stream_follows();
      } else if (status != BZ_OK) {
        error_ = "corrupt bzip2 data";
        break;
      } else {
        in_stream_ = true;
      }
    }
    return wanted - bzip2_.avail_out;
  }

  // Readies the decoder for a stream that follows, as parallel compressors write them.
  void restart() {
    char* const next_out = bzip2_.next_out;
    const unsigned avail_out = bzip2_.avail_out;
    BZ2_bzDecompressEnd(&bzip2_);
    bzip2_ = bz_stream{};
    if (BZ2_bzDecompressInit(&bzip2_, 0, 0) != BZ_OK) throw StreamError("bzip2: out of memory");
    bzip2_.next_out = next_out;
    bzip2_.avail_out = avail_out;
  }

  // Other bytes after a complete stream are ignored, as bzip2 itself does.
  bool another_stream_follows() { return input_.refill() && input_.data()[0] == 'B'; }

  bz_stream bzip2_{};
  bool in_stream_ = false;
  bool finished_ = false;
};

// Decodes into a buffer of its own, a slice at a time, and hands out from it: zstd writes a block
// straight into a large enough output and drops it when the block turns out damaged, so what a
// damaged stream gives before its damage would otherwise depend on the size of each read.
class ZstdStream final : public Decompressor {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> compressed)
      : Decompressor(std::move(compressed)),
        zstd_(ZSTD_createDStream()),
        slice_size_(ZSTD_DStreamOutSize()),
        slice_(new char[slice_size_]) {
    if (zstd_ == nullptr) throw StreamError("zstd: out of memory");
  }
  ~ZstdStream() override { ZSTD_freeDStream(zstd_); }

 private:
  std::size_t decode(char* buffer, std::size_t size) override {
    if (handed_out_ == decoded_) {
      handed_out_ = 0;
      decoded_ = decode_slice();
    }
    const std::size_t count = std::min(size, decoded_ - handed_out_);
    std::memcpy(buffer, slice_.get() + handed_out_, count);
    handed_out_ += count;
    return count;
  }

  // Decodes into slice_ until some bytes are there, the data ends, or it turns out damaged (then
  // error_ says how). Returns the bytes decoded.
  std::size_t decode_slice() {
    ZSTD_outBuffer out{slice_.get(), slice_size_, 0};
    while (out.pos == 0) {
      const bool has_input = input_.refill();
      if (!has_input && !in_frame_) break;
      ZSTD_inBuffer in{input_.data(), input_.available(), 0};
      const std::size_t status = ZSTD_decompressStream(zstd_, &out, &in);
      input_.advance(in.pos);
      if (ZSTD_isError(status)) {
        error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(status);
        break;
      }
      in_frame_ = status != 0;
      if (!has_input && out.pos == 0) {
        error_ = "zstd data is truncated";
        break;
      }
    }
    return out.pos;
  }

  ZSTD_DStream* zstd_;
  bool in_frame_ = false;
  std::size_t slice_size_;
  std::unique_ptr<char[]> slice_;
  std::size_t decoded_ = 0;     // bytes in slice_
  std::size_t handed_out_ = 0;  // of them, those read
};

}  // namespace

std::unique_ptr<ByteStream> decompressed(std::unique_ptr<ByteStream> raw) {
  std::string magic(10, '\0');  // enough for every magic number sniff() knows
  const ReadUpTo read = read_up_to(*raw, magic.data(), magic.size());
  if (read.error) throw StreamError(*read.error);
  magic.resize(read.size);
  const Content content = sniff(magic);
  std::unique_ptr<ByteStream> stream = std::make_unique<PrefixedStream>(magic, std::move(raw));
  switch (content) {
    case Content::gzip:
      return std::make_unique<GzipStream>(std::move(stream));
    case Content::xz:
      return std::make_unique<XzStream>(std::move(stream));
    case Content::zstd:
      return std::make_unique<ZstdStream>(std::move(stream));
    case Content::bzip2:
      return std::make_unique<Bzip2Stream>(std::move(stream));
    default:
      return stream;
  }
}

std::unique_ptr<ByteStream> open_decompressed(FileDescriptor fd) {
  return decompressed(std::make_unique<FdStream>(std::move(fd)));
}

}  // namespace bg::mailbox
