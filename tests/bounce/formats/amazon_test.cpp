// Amazon SES (its SNS notifications and its bounce mails), SES receiving, and Amazon WorkMail.
#include <gtest/gtest.h>

#include "format_samples.h"

namespace bg::testing {
namespace {

TEST(AmazonSES, ReadsABounceNotification) {
  const auto records = records_of_sample("lhost-amazonses-10.eml");
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  EXPECT_EQ(record.decodedby, "AmazonSES");
  EXPECT_EQ(record.recipient, "bounce@simulator.amazonses.com");
  EXPECT_EQ(record.deliverystatus, "5.1.1");
  EXPECT_EQ(record.diagnosticcode, "550 5.1.1 user unknown");
  EXPECT_EQ(record.diagnostictype, "SMTP");
  EXPECT_EQ(record.reason, "userunknown");
  EXPECT_EQ(record.addresser, "kijitora@neko.example.org");  // from the event's mail headers
}

TEST(AmazonSES, ReadsAComplaintAsAFeedbackReport) {
  const auto records = records_of_sample("lhost-amazonses-11.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "complaint@simulator.amazonses.com");
  EXPECT_EQ(records[0].reason, "feedback");
  EXPECT_EQ(records[0].feedbacktype, "abuse");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kFeedbackReport);
  EXPECT_EQ(records[0].subject(), "Nyaan");
}

TEST(AmazonSES, ReadsADeliveryAsADeliveryReport) {
  const auto records = records_of_sample("lhost-amazonses-12.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "success@simulator.amazonses.com");
  EXPECT_EQ(records[0].reason, "delivered");
  EXPECT_EQ(records[0].deliverystatus, "2.6.0");
  EXPECT_EQ(records[0].replycode, "250");
  EXPECT_EQ(records[0].kind, bounce::MessageKind::kDeliveryReport);
}

TEST(AmazonSES, TakesTheStatusOfTheQuotedReply) {
  // "Status: 5.0.0"; "5.1.0 - Unknown address error 550-'5.2.2 <kijitora@example.jp>... Mailbox
  // Full'"
  const auto records = records_of_sample("lhost-amazonses-03.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "AmazonSES");
  EXPECT_EQ(records[0].recipient, "kijitora@example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].replycode, "550");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].lhost, "a192-79.smtp-out.amazonses.com");
}

TEST(AmazonSES, ReadsTheBounceMail) {
  const auto records = records_of_sample("lhost-amazonses-18.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "kijitora@neko.nyaan.example.edu");
  EXPECT_EQ(records[0].deliverystatus, "5.4.4");
  EXPECT_EQ(records[0].reason, "hostunknown");
}

// An SNS notification whose body is `body`, as SNS mails it.
std::string notification_mail(std::string_view body) {
  return "From: SES <no-reply@sns.amazonaws.com>\n"
         "To: nekochan@example.jp\n"
         "Subject: AWS Notification Message\n"
         "Date: Fri, 21 Oct 2016 06:58:02 +0000\n"
         "Message-ID: <0101-notification@us-west-2.amazonses.com>\n"
         "MIME-Version: 1.0\n"
         "Content-Type: text/plain; charset=UTF-8\n"
         "x-amz-sns-message-id: 02f86d9b-eecf-573d-b47d-3d1850750c30\n"
         "\n" +
         std::string(body) + "\n";
}

// `event` as the string value of the envelope's "Message", escaped the way SNS escapes it.
std::string enveloped(std::string_view event) {
  std::string text = "{\n  \"Type\" : \"Notification\",\n  \"Message\" : \"";
  for (const char c : event) {
    if (c == '"' || c == '\\') {
      text += '\\';
      text += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      text += "\\u00";
      text += kHex[c >> 4];
      text += kHex[c & 15];
    } else {
      text += c;
    }
  }
  return text + "\",\n  \"Timestamp\" : \"2016-10-21T06:58:02.294Z\"\n}";
}

// A bounce event for one recipient; `extra` is inserted among the bounce's fields.
std::string bounce_event(std::string_view recipient, std::string_view extra = "") {
  return R"({"notificationType":"Bounce","bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull",)"
         R"("bouncedRecipients":[{"emailAddress":")" +
         std::string(recipient) +
         R"(","action":"failed","status":"4.2.2","diagnosticCode":"smtp; 452 4.2.2 box full"}],)" +
         std::string(extra) +
         R"("timestamp":"2016-10-21T06:58:02.245Z","reportingMTA":"dsn; a27-33.smtp-out.amazonses.com"},)"
         R"("mail":{"messageId":"0101-original","headers":[{"name":"From","value":"kijitora@neko.example.org"}]}})";
}

std::vector<std::string> ses_recipients(std::string_view body) {
  std::vector<std::string> recipients;
  for (const bounce::Record& record : records_of_message(notification_mail(body)))
    if (record.decodedby == "AmazonSES") recipients.push_back(record.recipient);
  return recipients;
}

using Recipients = std::vector<std::string>;

TEST(AmazonSESNotification, ReadsEveryFieldOfAnEnvelopedEvent) {
  const auto records =
      records_of_message(notification_mail(enveloped(bounce_event("neko@example.jp"))));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "AmazonSES");
  EXPECT_EQ(records[0].recipient, "neko@example.jp");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].deliverystatus, "4.2.2");
  EXPECT_EQ(records[0].diagnosticcode, "452 4.2.2 box full");
  EXPECT_EQ(records[0].diagnostictype, "SMTP");
  EXPECT_EQ(records[0].lhost, "a27-33.smtp-out.amazonses.com");
  EXPECT_EQ(records[0].addresser, "kijitora@neko.example.org");
  EXPECT_EQ(records[0].messageid(), "0101-original");
}

TEST(AmazonSESNotification, ReadsAnEventPostedBare) {
  EXPECT_EQ(ses_recipients(bounce_event("neko@example.jp")), Recipients{"neko@example.jp"});
  // A "Message" that is no text leaves the envelope to be read as the event itself.
  const std::string event = bounce_event("neko@example.jp");
  EXPECT_EQ(ses_recipients("{\"Message\": 42," + event.substr(1)), Recipients{"neko@example.jp"});
  EXPECT_EQ(ses_recipients("{\"Message\": \"\"," + event.substr(1)), Recipients{"neko@example.jp"});
}

TEST(AmazonSESNotification, RefusesInvalidJsonAnywhere) {
  const std::string event = bounce_event("neko@example.jp");
  // Errors in fields that are never read still make the whole text invalid.
  EXPECT_TRUE(
      ses_recipients(enveloped(bounce_event("neko@example.jp", R"("unread":[1,],)"))).empty());
  EXPECT_TRUE(
      ses_recipients(enveloped(bounce_event("neko@example.jp", R"("unread":tru,)"))).empty());
  EXPECT_TRUE(
      ses_recipients(enveloped(bounce_event("neko@example.jp", R"("unread":01,)"))).empty());
  EXPECT_TRUE(
      ses_recipients(enveloped(bounce_event("neko@example.jp", R"("unread":"\x",)"))).empty());
  EXPECT_TRUE(ses_recipients(enveloped(event + " x")).empty());
  EXPECT_TRUE(ses_recipients(enveloped(event + "{}")).empty());
  EXPECT_TRUE(ses_recipients(enveloped(event) + ",").empty());
  EXPECT_TRUE(ses_recipients(enveloped("/* note */" + event)).empty());
  // Trailing white space is fine.
  EXPECT_EQ(ses_recipients(enveloped(event + " \r\n\t")), Recipients{"neko@example.jp"});
}

TEST(AmazonSESNotification, RefusesANotificationCutShort) {
  const std::string whole = enveloped(bounce_event("neko@example.jp"));
  for (const std::size_t cut : {1, 2, 10, 40, 100, 300}) {
    EXPECT_TRUE(ses_recipients(whole.substr(0, whole.size() - cut)).empty()) << cut;
    const std::string event = bounce_event("neko@example.jp");
    EXPECT_TRUE(ses_recipients(enveloped(event.substr(0, event.size() - cut))).empty()) << cut;
  }
}

TEST(AmazonSESNotification, SkipsFieldsOfAnotherType) {
  const std::string event = bounce_event("neko@example.jp");
  EXPECT_TRUE(ses_recipients(enveloped(with_replaced(event, R"("emailAddress":"neko@example.jp")",
                                                     R"("emailAddress":5)")))
                  .empty());
  EXPECT_TRUE(ses_recipients(enveloped(with_replaced(event, R"("bouncedRecipients":[)",
                                                     R"("bouncedRecipients":[7,"x",)")))
                  .size() == 1);
  EXPECT_TRUE(ses_recipients(enveloped(with_replaced(event, R"("notificationType":"Bounce")",
                                                     R"("notificationType":["Bounce"])")))
                  .empty());
  EXPECT_TRUE(ses_recipients(enveloped(with_replaced(event, R"("bounce":{)", R"("bounce":[{)")
                                           .insert(event.find(R"(,"mail")") + 1, "]")))
                  .empty());
  // A reply code that is a number is no reply.
  const auto records = records_of_message(notification_mail(enveloped(with_replaced(
      event, R"("diagnosticCode":"smtp; 452 4.2.2 box full")", R"("diagnosticCode":452)"))));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].diagnosticcode, "");
}

TEST(AmazonSESNotification, TakesTheLastOfAKeyGivenTwice) {
  const std::string event = bounce_event("neko@example.jp");
  EXPECT_EQ(ses_recipients(enveloped(
                with_replaced(event, R"("emailAddress":"neko@example.jp")",
                              R"("emailAddress":"a@example.jp","emailAddress":"b@example.jp")"))),
            Recipients{"b@example.jp"});
  EXPECT_TRUE(ses_recipients(
                  enveloped(with_replaced(event, R"("emailAddress":"neko@example.jp")",
                                          R"("emailAddress":"a@example.jp","emailAddress":null)")))
                  .empty());
  EXPECT_TRUE(ses_recipients(enveloped(with_replaced(
                                 event, R"({"notificationType":"Bounce")",
                                 R"({"notificationType":"Bounce","notificationType":"Delivery")")))
                  .empty());
  EXPECT_EQ(ses_recipients(enveloped(
                with_replaced(event, R"({"notificationType":"Bounce")",
                              R"({"notificationType":"Delivery","notificationType":"Bounce")"))),
            Recipients{"neko@example.jp"});
  // A second "bounce" that is no object hides the first.
  EXPECT_TRUE(
      ses_recipients(enveloped(with_replaced(event, R"(,"mail":)", R"(,"bounce":"x","mail":)")))
          .empty());
  // The envelope's "Message" given twice: the last one is the event.
  const std::string twice =
      with_replaced(enveloped(event), R"("Message" : ")", R"("Message" : "{}", "Message" : ")");
  EXPECT_EQ(ses_recipients(twice), Recipients{"neko@example.jp"});
  EXPECT_TRUE(ses_recipients(with_replaced(enveloped(event), R"("Timestamp")",
                                           R"("Message":"{}","Timestamp")"))
                  .empty());
}

TEST(AmazonSESNotification, ReadsNumbersAsNlohmannJsonDid) {
  // Numbers are never read, but one that overflows a double makes the text invalid, while
  // integers beyond 64 bits and tiny or long numbers are fine.
  EXPECT_TRUE(ses_recipients(enveloped(bounce_event("neko@example.jp", R"("n":1e400,)"))).empty());
  EXPECT_TRUE(ses_recipients(enveloped(bounce_event("neko@example.jp", R"("n":-1e400,)"))).empty());
  EXPECT_TRUE(ses_recipients(enveloped(bounce_event("neko@example.jp",
                                                    "\"n\":1" + std::string(309, '0') + ",")))
                  .empty());
  for (const std::string& number : std::vector<std::string>{
           "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890",
           "1e-400", "1" + std::string(308, '0'), "0." + std::string(400, '1'), "-0", "1.5E+300"}) {
    EXPECT_EQ(ses_recipients(enveloped(bounce_event("neko@example.jp", "\"n\":" + number + ","))),
              Recipients{"neko@example.jp"})
        << number;
    EXPECT_EQ(ses_recipients(with_replaced(enveloped(bounce_event("neko@example.jp")), R"("Type")",
                                           "\"n\":" + number + ",\"Type\"")),
              Recipients{"neko@example.jp"})
        << number;
  }
}

TEST(AmazonSESNotification, ReadsTextAsUtf8) {
  using std::string_literals::operator""s;
  const auto records = records_of_message(
      notification_mail(enveloped(with_replaced(bounce_event("neko@example.jp"), "box full",
                                                R"(caf\u00e9 \ud83d\ude00 \u732b na\u0000me)"))));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].diagnosticcode,
            "452 4.2.2 caf\xC3\xA9 \xF0\x9F\x98\x80 \xE7\x8C\xAB na\0me"s);
  const std::string event = bounce_event("neko@example.jp");
  // Lone surrogates, short escapes and unescaped control characters are invalid.
  for (const std::string_view bad :
       {R"(\ud800)", R"(\udc00)", R"(\ud800\u0041)", R"(\u12)", "\t", "\x01"})
    EXPECT_TRUE(ses_recipients(enveloped(with_replaced(event, "box full", bad))).empty()) << bad;
  // Bytes that are no UTF-8 were replaced before the JSON is read.
  for (const std::string_view bad :
       {"\xE9", "\xC3", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80"}) {
    const auto replaced =
        records_of_message(notification_mail(enveloped(with_replaced(event, "box full", bad))));
    ASSERT_EQ(replaced.size(), 1u) << bad;
    EXPECT_TRUE(replaced[0].diagnosticcode.ends_with("\xEF\xBF\xBD")) << replaced[0].diagnosticcode;
  }
  EXPECT_EQ(ses_recipients(enveloped(with_replaced(event, "box full", "\x7F \xC3\xA9"))),
            Recipients{"neko@example.jp"});
  // Keys are compared once their escapes are read.
  EXPECT_EQ(
      ses_recipients(enveloped(with_replaced(event, "\"emailAddress\"", R"("email\u0041ddress")"))),
      Recipients{"neko@example.jp"});
}

TEST(AmazonSESNotification, ReadsWhatNlohmannJsonAccepted) {
  const std::string event = bounce_event("neko@example.jp");
  // A NUL ends the text, and a byte order mark may start it.
  EXPECT_EQ(ses_recipients(enveloped(event + std::string(1, '\0') + "not json")),
            Recipients{"neko@example.jp"});
  EXPECT_TRUE(
      ses_recipients(enveloped(event.substr(0, 40) + std::string(1, '\0') + event.substr(40)))
          .empty());
  EXPECT_EQ(ses_recipients(enveloped("\xEF\xBB\xBF" + event)), Recipients{"neko@example.jp"});
  EXPECT_TRUE(ses_recipients(enveloped("\xEF\xBB" + event)).empty());
  EXPECT_TRUE(ses_recipients(enveloped(" \xEF\xBB\xBF" + event)).empty());
  // Nesting has no limit.
  for (const std::size_t depth : {1000, 1100, 3000}) {
    const std::string nested =
        "\"deep\":" + std::string(depth, '[') + std::string(depth, ']') + ",";
    EXPECT_EQ(ses_recipients(enveloped(bounce_event("neko@example.jp", nested))),
              Recipients{"neko@example.jp"})
        << depth;
  }
}

TEST(ReceivingSES, ReadsSesOwnReplies) {
  // "550 5.1.1 Mailbox does not exist": SES's receipt rules refused the address.
  const auto records = records_of_sample("lhost-receivingses-01.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "ReceivingSES");
  EXPECT_EQ(records[0].recipient, "userunknown@neko.example.jp");
  EXPECT_EQ(records[0].deliverystatus, "5.1.1");
  EXPECT_EQ(records[0].reason, "filtered");
  EXPECT_EQ(records[0].lhost, "inbound-smtp.us-west-2.amazonaws.com");
  EXPECT_EQ(records[0].subject(), "Nyaaaaaaan");
}

TEST(ReceivingSES, ReadsATooLargeMessage) {
  const auto records = records_of_sample("lhost-receivingses-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].deliverystatus, "5.3.4");
  EXPECT_EQ(records[0].replycode, "552");
  EXPECT_EQ(records[0].reason, "mesgtoobig");
}

TEST(AmazonWorkMail, ReadsTheTechnicalReport) {
  const auto records = records_of_sample("lhost-amazonworkmail-08.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].decodedby, "AmazonWorkMail");
  EXPECT_EQ(records[0].recipient, "kijitora@libsisimai.org");
  EXPECT_EQ(records[0].deliverystatus, "5.2.2");
  EXPECT_EQ(records[0].reason, "mailboxfull");
  EXPECT_EQ(records[0].lhost, "a27-125.smtp-out.us-west-2.amazonses.com");
}

TEST(AmazonWorkMail, TakesTheReplyCodeOfTheLastAttempt) {
  // "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"
  const auto records = records_of_sample("lhost-amazonworkmail-05.eml");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recipient, "sabatora@example.libsisimai.org");
  EXPECT_EQ(records[0].replycode, "421");
  EXPECT_EQ(records[0].reason, "expired");
}

}  // namespace
}  // namespace bg::testing
