#include "app/cli/ComposeArgs.h"

#include "app/cli/ArgParser.h"
#include "app/cli/CliContext.h"
#include "core/accounts/AccountSettings.h"
#include "core/accounts/Identity.h"
#include "core/engine/smtp/StartDraft.h"
#include "core/mime/AddressInput.h"
#include "core/mime/Reply.h"
#include "core/mime/Signature.h"

#include <QFile>
#include <optional>

namespace herald::cli {

namespace {

// --reply ID, --reply-all ID, --forward ID, --forward-attached ID: the window's answers
// (core/smtp/StartDraft.h), from the message `list --json` calls ID.
const std::pair<const char *, smtp::Answer> kAnswers[] = {
    {"reply", smtp::Answer::Reply},
    {"reply-all", smtp::Answer::ReplyAll},
    {"forward", smtp::Answer::ForwardInline},
    {"forward-attached", smtp::Answer::ForwardAsAttachment},
};

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
                                  const QString &context, const mime::Message *answered = nullptr)
{
    const auto settings = accounts::AccountSettings::fromJson(account.settingsJson);
    if (!p.isSet(QStringLiteral("from")))
        return answered
                   ? smtp::identityForAnswer(account, *answered)
                   : accounts::identities(settings, account.email, account.displayName).front();
    const mime::Address wanted = parseAddress(p.value(QStringLiteral("from")), context);
    auto found = accounts::findIdentity(settings, account.email, account.displayName, wanted.email);
    if (!found) {
        QStringList known;
        for (const auto &i : accounts::identities(settings, account.email, account.displayName))
            known << i.email;
        throw CommandError(
            QStringLiteral("%1: %2 is not an identity of account %3 (it has: %4); "
                           "add it with 'account identity add --account %3 "
                           "--email %2'")
                .arg(context, wanted.email, account.name, known.join(QStringLiteral(", "))));
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
    for (const auto &[name, kind] : kAnswers)
        p.option(QString::fromLatin1(name));
}

bool answers(const ArgParser &p)
{
    for (const auto &[name, kind] : kAnswers)
        if (p.isSet(QString::fromLatin1(name)))
            return true;
    return false;
}

mime::Draft draftFromOptions(CliContext &ctx, const ArgParser &p, const store::Account &account,
                             const QString &context)
{
    std::optional<std::pair<QString, smtp::Answer>> answer;
    for (const auto &[name, kind] : kAnswers)
        if (p.isSet(QString::fromLatin1(name))) {
            if (answer || p.isSet(QStringLiteral("in-reply-to")))
                throw UsageError(QStringLiteral("%1: give one of --reply, --reply-all, --forward, "
                                                "--forward-attached and --in-reply-to")
                                     .arg(context)
                                     .toStdString());
            answer = std::make_pair(QString::fromLatin1(name), kind);
        }
    std::optional<smtp::CachedMessage> parent;
    if (answer) {
        parent = smtp::loadCached(ctx.store(), parseMessageId(p.value(answer->first), context));
        if (!parent)
            throw CommandError(QStringLiteral("%1: no message with id %2 (see 'list --json')")
                                   .arg(context, p.value(answer->first)));
    }
    const accounts::Identity identity =
        chooseIdentity(p, account, context, parent ? &parent->parsed : nullptr);
    const bool signs = !p.isSet(QStringLiteral("no-signature"));

    mime::Draft draft;
    if (answer) {
        // Recipients, subject, quote (or forwarded text, attachments) and signature as the
        // compose window starts them; the options below add to them.
        accounts::Identity answering = identity;
        if (!signs)
            answering.signature.clear();
        try {
            draft = smtp::answerDraft(account, *parent, answer->second, answering);
        } catch (const std::runtime_error &e) {
            throw CommandError(
                QStringLiteral("%1: %2").arg(context, QString::fromStdString(e.what())));
        }
    }
    for (const auto &[list, name] :
         {std::pair{&draft.to, "to"}, std::pair{&draft.cc, "cc"}, std::pair{&draft.bcc, "bcc"}})
        for (const mime::Address &a : parseAddresses(p.values(QString::fromLatin1(name)), context))
            list->push_back(a);
    draft.from = {identity.displayName, identity.email, {}};
    if (p.isSet(QStringLiteral("subject")) || !answer)
        draft.subject = p.value(QStringLiteral("subject"));
    if (p.isSet(QStringLiteral("body-file"))) // above the quote or the forwarded message
        draft.text = readTextFile(p.value(QStringLiteral("body-file"))) + draft.text;
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
    if (signs)
        mime::applySignature(draft, identity.signature);
    return draft;
}

} // namespace herald::cli
