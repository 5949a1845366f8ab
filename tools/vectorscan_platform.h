#pragma once
// The processor the build-time tools compile Vectorscan databases for: any one of the build's
// architecture, not the building machine's. A database compiled for the building machine's
// features (AVX-512, say) is refused by a machine without them, so a binary copied or packaged
// elsewhere would not scan. Vectorscan still picks the fastest of its runtimes on the machine
// it runs on, and the benchmark inputs scan in the same time either way.
#include <hs/hs.h>

inline constexpr hs_platform_info_t kAnyProcessor{HS_TUNE_FAMILY_GENERIC, 0, 0, 0};
