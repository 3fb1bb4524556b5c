#pragma once
// The SMTP hop into the user's own mail system, read from the Received header that the
// trusted receiving server wrote: the connecting IP, the HELO name, the protocol.
// Hops by LMTP, local delivery, HTTP or IMAP are the provider's internal steps and skipped.

#include "core/authres/RawMessage.h"

#include <QHostAddress>
#include <optional>

namespace herald::authres {

struct ReceivedHop
{
    QHostAddress ip;
    QByteArray helo;
    QByteArray protocol;     // "ESMTP", "ESMTPS", "SMTP", ... (upper case)
    QByteArray envelopeFrom; // "envelope-from <…>" when the server records it
    int headerIndex = -1;    // position of the Received field in RawMessage::headers
};

// One Received field value; nullopt when it names no client IP.
std::optional<ReceivedHop> parseReceived(const QByteArray &value);

// The SMTP hop of the `skipHops`+1-th SMTP Received header from the top (0: the topmost, which
// the user's receiving server added). nullopt when there is none.
std::optional<ReceivedHop> trustedSmtpHop(const RawMessage &message, int skipHops = 0);

} // namespace herald::authres
