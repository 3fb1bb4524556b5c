#pragma once
// CertificateTrust: what Herald trusts when verifying a server certificate.
//  - the system CA store (always),
//  - optional extra CA certificates (a PEM file; used by tests and self-hosted setups),
//  - SHA-256 pins of leaf certificates the user explicitly accepted ("trust this certificate").
// Pins persist as a list of hex strings (colons optional, case-insensitive).

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QSslCertificate>
#include <QStringList>

namespace herald::net {

class CertificateTrust
{
public:
    // SHA-256 of the DER certificate, upper-case hex with colons: "AB:CD:...".
    static QString fingerprint(const QSslCertificate &certificate);
    // Normalises "ab:cd..." / "ABCD..." to raw 32 bytes; empty on malformed input.
    static QByteArray parseFingerprint(const QString &hex);

    void addPin(const QSslCertificate &certificate);
    bool addPin(const QString &hexFingerprint); // false if malformed
    void removePin(const QString &hexFingerprint);
    void removePin(const QSslCertificate &certificate);
    bool isPinned(const QSslCertificate &certificate) const;
    QStringList pins() const; // persistable, sorted
    void setPins(const QStringList &hexFingerprints);

    // Adds CA certificates from a PEM file. Returns false if the file has none.
    bool addCaFile(const QString &path);
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    const QList<QSslCertificate> &extraCaCertificates() const { return m_extraCas; }

private:
    QSet<QByteArray> m_pins; // raw 32-byte digests
    QList<QSslCertificate> m_extraCas;
};

} // namespace herald::net
