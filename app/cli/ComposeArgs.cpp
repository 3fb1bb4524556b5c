#include "app/cli/ComposeArgs.h"

#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Identity.h"
#include "core/mime/AddressInput.h"
#include "core/mime/Reply.h"
#include "core/mime/Signature.h"
#include "core/smtp/StartDraft.h"

#include <QFile>

namespace herald::cli {

namespace {

std::vector<mime::Address> parseAddresses(const QStringList &values, const QString &context)
{
    std::vector<mime::Address> out;
    for (const QString &v : values) {
        const mime::AddressInput input = mime::parseAddressInput(v);
        if (!input.invalid.isEmpty())
            throw UsageError(QStringLiteral("%1: '%2' is not an email address")
                                 .arg(context, input.invalid.front())
                                 .toStdString());
        out.insert(out.end(), input.addresses.begin(), input.addresses.end());
    }
    return out;
}

// --in-reply-to: a message id of `list --json`, or a Message-ID.
void applyInReplyTo(CliContext &ctx, const QString &value, mime::Draft &draft,
                    const QString &context)
{
    bool isNumber = false;
    const qint64 id = value.toLongLong(&isNumber);
    if (!isNumber) {
        draft.inReplyTo = value;
        draft.references = {value};
        return;
    }
    const auto parent = smtp::loadCached(ctx.store(), id);
    if (!parent)
        throw CommandError(
            QStringLiteral("%1: no message with id %2 (see 'list --json')").arg(context).arg(id));
    mime::applyReplyHeaders(parent->parsed, draft);
}

accounts::Identity chooseIdentity(const ArgParser &p, const store::Account &account,
                                  const QString &context)
{
    const auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    if (!p.isSet(QStringLiteral("from")))
        return accounts::identities(settings, account.email, account.displayName).front();
    const mime::Address wanted = parseAddress(p.value(QStringLiteral("from")), context);
    auto found = accounts::findIdentity(settings, account.email, account.displayName, wanted.email);
    if (!found) {
        QStringList known;
        for (const auto &i : accounts::identities(settings, account.email, account.displayName))
            known << i.email;
        throw CommandError(QStringLiteral("%1: %2 is not an identity of account %3 (it has: %4); "
                                          "add it with 'account identity add --account %3 "
                                          "--email %2'")
                               .arg(context, wanted.email, account.name,
                                    known.join(QStringLiteral(", "))));
    }
    if (!wanted.name.isEmpty())
        found->displayName = wanted.name;
    return *found;
}

} // namespace

mime::Address parseAddress(const QString &text, const QString &context)
{
    mime::Address a; // the same rules as the compose window's fields (core/mime/AddressInput.h)
    if (!mime::parseOneAddress(text, &a))
        throw UsageError(
            QStringLiteral("%1: '%2' is not an email address").arg(context, text).toStdString());
    return a;
}

QString readTextFile(const QString &path)
{
    QFile f(path);
    const bool ok = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                               : f.open(QIODevice::ReadOnly);
    if (!ok)
        throw CommandError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return QString::fromUtf8(f.readAll());
}

void declareComposeOptions(ArgParser &p)
{
    p.option(QStringLiteral("subject")).option(QStringLiteral("from"));
    p.option(QStringLiteral("to"), true).option(QStringLiteral("cc"), true);
    p.option(QStringLiteral("bcc"), true).option(QStringLiteral("attach"), true);
    p.option(QStringLiteral("body-file")).option(QStringLiteral("html-file"));
    p.option(QStringLiteral("in-reply-to")).flag(QStringLiteral("no-signature"));
}

mime::Draft draftFromOptions(CliContext &ctx, const ArgParser &p, const store::Account &account,
                             const QString &context)
{
    mime::Draft draft;
    draft.to = parseAddresses(p.values(QStringLiteral("to")), context);
    draft.cc = parseAddresses(p.values(QStringLiteral("cc")), context);
    draft.bcc = parseAddresses(p.values(QStringLiteral("bcc")), context);
    const accounts::Identity identity = chooseIdentity(p, account, context);
    draft.from = {identity.displayName, identity.email, {}};
    draft.subject = p.value(QStringLiteral("subject"));
    if (p.isSet(QStringLiteral("body-file")))
        draft.text = readTextFile(p.value(QStringLiteral("body-file")));
    if (p.isSet(QStringLiteral("html-file")))
        draft.html = readTextFile(p.value(QStringLiteral("html-file")));
    for (const QString &path : p.values(QStringLiteral("attach"))) {
        if (!QFile::exists(path))
            throw CommandError(QStringLiteral("%1: no file %2 to attach").arg(context, path));
        mime::Draft::File f;
        f.path = path;
        draft.attachments.push_back(f);
    }
    if (p.isSet(QStringLiteral("in-reply-to")))
        applyInReplyTo(ctx, p.value(QStringLiteral("in-reply-to")), draft, context);
    if (!p.isSet(QStringLiteral("no-signature")))
        mime::applySignature(draft, identity.signature);
    return draft;
}

} // namespace herald::cli
