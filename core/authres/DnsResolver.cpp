#include "core/authres/DnsResolver.h"

namespace herald::authres {

QByteArray reverseName(const QHostAddress &address)
{
    QByteArray out;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        for (int shift = 0; shift < 32; shift += 8)
            out += QByteArray::number((v4 >> shift) & 0xff) + '.';
        return out + "in-addr.arpa";
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        out += hex[v6[i] & 0xf];
        out += '.';
        out += hex[v6[i] >> 4];
        out += '.';
    }
    return out + "ip6.arpa";
}

} // namespace herald::authres
