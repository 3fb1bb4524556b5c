#include "core/net/SystemTrust.h"

#include <QHostAddress>
#include <cstdlib>
#include <memory>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace herald::net {

namespace {
template <class T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using ContextPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
void freeStack(STACK_OF(X509) * s)
{
    sk_X509_pop_free(s, X509_free);
}
using StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeStack>>;

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

const char *systemCertificateDirectory()
{
    const char *fromEnvironment = std::getenv(X509_get_default_cert_dir_env());
    return fromEnvironment && *fromEnvironment ? fromEnvironment : X509_get_default_cert_dir();
}
} // namespace

QString systemTrustFailure(const QList<QSslCertificate> &chain, const QString &host)
{
    if (chain.isEmpty())
        return QStringLiteral("the server sent no certificate");
    const X509Ptr leaf = toX509(chain.front());
    StackPtr intermediates(sk_X509_new_null());
    StorePtr store(X509_STORE_new());
    if (!leaf || !intermediates || !store)
        return QStringLiteral("the certificate could not be read");
    for (qsizetype i = 1; i < chain.size(); ++i)
        if (X509Ptr c = toX509(chain[i]); c && sk_X509_push(intermediates.get(), c.get()))
            c.release();
    X509_LOOKUP *lookup = X509_STORE_add_lookup(store.get(), X509_LOOKUP_hash_dir());
    if (!lookup || !X509_LOOKUP_add_dir(lookup, systemCertificateDirectory(), X509_FILETYPE_PEM))
        return QStringLiteral("the system certificate store could not be opened");

    X509_VERIFY_PARAM *param = X509_STORE_get0_param(store.get());
    X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);
    const QByteArray name = host.toUtf8();
    if (QHostAddress(host).isNull())
        X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size()));
    else
        X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());

    ContextPtr context(X509_STORE_CTX_new());
    if (!context ||
        !X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), intermediates.get()))
        return QStringLiteral("the certificate could not be checked");
    if (X509_verify_cert(context.get()) == 1)
        return QString();
    return QString::fromUtf8(
        X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get())));
}

} // namespace herald::net
