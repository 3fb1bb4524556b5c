#include "core/net/CertificateTrust.h"

#include <QCryptographicHash>
#include <algorithm>
#include <cctype>

namespace herald::net {

QString CertificateTrust::fingerprint(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray CertificateTrust::parseFingerprint(const QString &hex)
{
    QByteArray compact;
    for (QChar c : hex) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c.toLatin1())) || c.unicode() > 127)
            return {};
        compact.append(c.toLatin1());
    }
    if (compact.size() != 64)
        return {};
    return QByteArray::fromHex(compact);
}

void CertificateTrust::addPin(const QSslCertificate &certificate)
{
    if (!certificate.isNull())
        m_pins.insert(certificate.digest(QCryptographicHash::Sha256));
}

bool CertificateTrust::addPin(const QString &hexFingerprint)
{
    const QByteArray raw = parseFingerprint(hexFingerprint);
    if (raw.isEmpty())
        return false;
    m_pins.insert(raw);
    return true;
}

void CertificateTrust::removePin(const QString &hexFingerprint)
{
    m_pins.remove(parseFingerprint(hexFingerprint));
}

void CertificateTrust::removePin(const QSslCertificate &certificate)
{
    m_pins.remove(certificate.digest(QCryptographicHash::Sha256));
}

bool CertificateTrust::isPinned(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && m_pins.contains(certificate.digest(QCryptographicHash::Sha256));
}

QStringList CertificateTrust::pins() const
{
    QStringList out;
    for (const QByteArray &raw : m_pins)
        out << QString::fromLatin1(raw.toHex(':').toUpper());
    std::sort(out.begin(), out.end());
    return out;
}

void CertificateTrust::setPins(const QStringList &hexFingerprints)
{
    m_pins.clear();
    for (const QString &hex : hexFingerprints)
        addPin(hex);
}

bool CertificateTrust::addCaFile(const QString &path)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certs.isEmpty())
        return false;
    m_extraCas += certs;
    return true;
}

void CertificateTrust::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas += certificates;
}

} // namespace herald::net
