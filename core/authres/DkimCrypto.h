#pragma once
// The OpenSSL side of DKIM and ARC: public keys from key records, hashing, and signature
// verification for rsa-sha256, rsa-sha1 and ed25519-sha256 (RFC 8463: Ed25519 over the
// SHA-256 hash of the canonicalized header data).

#include <QByteArray>
#include <memory>

namespace herald::authres {

enum class DkimKeyType { Rsa, Ed25519 };
enum class DkimHash { Sha1, Sha256 };

class DkimPublicKey
{
public:
    // From the decoded p= bytes: RSA as SubjectPublicKeyInfo or PKCS#1 RSAPublicKey;
    // Ed25519 as the raw 32 bytes. Null on anything else.
    static std::shared_ptr<DkimPublicKey> fromRecord(DkimKeyType type, const QByteArray &der);
    ~DkimPublicKey();

    DkimKeyType type() const { return m_type; }
    int bits() const { return m_bits; }
    // Verifies `signature` over `data` (the canonicalized headers).
    bool verify(DkimHash hash, const QByteArray &data, const QByteArray &signature) const;

private:
    DkimPublicKey() = default;
    static std::shared_ptr<DkimPublicKey> decode(DkimKeyType type, const QByteArray &der);
    DkimKeyType m_type = DkimKeyType::Rsa;
    int m_bits = 0;
    struct Pkey;
    std::unique_ptr<Pkey> m_pkey;
};

QByteArray digest(DkimHash hash, const QByteArray &data);

} // namespace herald::authres
