#include "tests/fuzz/FuzzTargets.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace herald::fuzz {

namespace {
const Target kTargets[] = {
    {"imap_response", imapResponse},   {"imap_split", imapSplit},
    {"mime_message", mimeMessage},     {"mime_headers", mimeHeaders},
    {"mime_multipart", mimeMultipart}, {"auth_results", authResults},
    {"dkim_signature", dkimSignature}, {"dkim_key", dkimKey},
    {"spf_record", spfRecord},         {"spf_macro", spfMacro},
    {"dmarc_record", dmarcRecord},     {"pop3_replies", pop3Replies},
    {"smtp_replies", smtpReplies},     {"modified_utf7", modifiedUtf7},
    {"server_url", serverUrl},
};
} // namespace

const Target *targets(int *count)
{
    *count = int(std::size(kTargets));
    return kTargets;
}

TargetFunction findTarget(const char *name)
{
    for (const Target &t : kTargets)
        if (std::strcmp(t.name, name) == 0)
            return t.run;
    return nullptr;
}

void fail(const char *what)
{
    std::fprintf(stderr, "herald fuzz check failed: %s\n", what);
    std::abort();
}

} // namespace herald::fuzz
