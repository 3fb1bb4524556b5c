#include "core/authres/DkimCrypto.h"

#include <QHash>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace herald::authres {

struct DkimPublicKey::Pkey
{
    EVP_PKEY *key = nullptr;
    ~Pkey() { EVP_PKEY_free(key); }
};

namespace {

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

const EVP_MD *md(DkimHash hash)
{
    return hash == DkimHash::Sha1 ? EVP_sha1() : EVP_sha256();
}

} // namespace

DkimPublicKey::~DkimPublicKey() = default;

std::shared_ptr<DkimPublicKey> DkimPublicKey::fromRecord(DkimKeyType type, const QByteArray &der)
{
    // A sync verifies many messages signed with the same key: decode each key once per
    // thread. Keys are immutable once made; a small bound keeps memory flat.
    thread_local QHash<QByteArray, std::shared_ptr<DkimPublicKey>> decoded;
    const QByteArray cacheKey = (type == DkimKeyType::Ed25519 ? "e" : "r") + der;
    if (const auto it = decoded.constFind(cacheKey); it != decoded.constEnd())
        return *it;
    if (decoded.size() >= 64)
        decoded.clear();
    std::shared_ptr<DkimPublicKey> key = decode(type, der);
    if (key)
        decoded.insert(cacheKey, key);
    return key;
}

std::shared_ptr<DkimPublicKey> DkimPublicKey::decode(DkimKeyType type, const QByteArray &der)
{
    std::shared_ptr<DkimPublicKey> out(new DkimPublicKey);
    out->m_type = type;
    out->m_pkey = std::make_unique<Pkey>();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    if (type == DkimKeyType::Ed25519) {
        if (der.size() != 32)
            return nullptr;
        out->m_pkey->key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes, 32);
        out->m_bits = 256;
    } else {
        const unsigned char *p = bytes;
        EVP_PKEY *key = d2i_PUBKEY(nullptr, &p, long(der.size()));
        if (!key) {
            p = bytes;
            key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, long(der.size()));
        }
        if (key && EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
            EVP_PKEY_free(key);
            key = nullptr;
        }
        out->m_pkey->key = key;
        if (key)
            out->m_bits = EVP_PKEY_get_bits(key);
    }
    if (!out->m_pkey->key)
        return nullptr;
    return out;
}

bool DkimPublicKey::verify(DkimHash hash, const QByteArray &data, const QByteArray &signature) const
{
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx)
        return false;
    const auto *sig = reinterpret_cast<const unsigned char *>(signature.constData());
    if (m_type == DkimKeyType::Ed25519) {
        const QByteArray hashed = digest(DkimHash::Sha256, data);
        if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_pkey->key) != 1)
            return false;
        return EVP_DigestVerify(ctx.get(), sig, size_t(signature.size()),
                                reinterpret_cast<const unsigned char *>(hashed.constData()),
                                size_t(hashed.size())) == 1;
    }
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, md(hash), nullptr, m_pkey->key) != 1 ||
        EVP_DigestVerifyUpdate(ctx.get(), data.constData(), size_t(data.size())) != 1)
        return false;
    return EVP_DigestVerifyFinal(ctx.get(), sig, size_t(signature.size())) == 1;
}

QByteArray digest(DkimHash hash, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), out, &len, md(hash), nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

} // namespace herald::authres
