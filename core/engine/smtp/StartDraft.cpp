#include "core/engine/smtp/StartDraft.h"

#include "core/accounts/AccountSettings.h"
#include "core/mime/AddressInput.h"
#include "core/mime/MessageParser.h"
#include "core/mime/Reply.h"
#include "core/mime/Signature.h"
#include "core/store/Store.h"

#include <QSet>
#include <stdexcept>

namespace herald::smtp {

namespace {

QString withoutBrackets(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>')))
        id = id.mid(1, id.size() - 2);
    return id;
}

// The row's display list ("Name <a@b>, c@d") as addresses: for a message whose body (and so
// whose full header) is not cached.
std::vector<mime::Address> rowAddresses(const QString &list)
{
    return mime::parseAddressInput(list).addresses;
}

} // namespace

std::optional<CachedMessage> loadCached(store::Store &store, qint64 messageId)
{
    const auto row = store.messages().byId(messageId);
    if (!row)
        return std::nullopt;
    CachedMessage m;
    m.row = *row;
    if (const auto raw = store.bodies().get(messageId)) {
        m.raw = *raw;
        mime::ParseOptions options;
        options.includeAttachmentData = true;
        m.parsed = mime::parseMessage(m.raw, options);
    }
    // What the header pass knows stands in for a body the cache does not have.
    mime::Message &p = m.parsed;
    if (p.messageId.isEmpty())
        p.messageId = row->messageId;
    if (p.subject.isEmpty())
        p.subject = row->subject;
    if (p.from.empty() && !row->fromAddr.isEmpty())
        p.from.push_back({row->fromName, row->fromAddr, {}});
    if (p.to.empty())
        p.to = rowAddresses(row->to);
    if (p.cc.empty())
        p.cc = rowAddresses(row->cc);
    if (!p.date.isValid())
        p.date = row->date;
    if (p.inReplyTo.isEmpty() && !row->inReplyTo.isEmpty())
        p.inReplyTo << row->inReplyTo;
    return m;
}

std::vector<accounts::Identity> accountIdentities(const store::Account &account)
{
    return accounts::identities(accounts::AccountSettings::fromJson(account.settingsJson),
                                account.email, account.displayName);
}

accounts::Identity identityForAnswer(const store::Account &account, const mime::Message &parent)
{
    const auto all = accountIdentities(account);
    QStringList addressedTo;
    for (const auto *list : {&parent.to, &parent.cc})
        for (const mime::Address &a : *list)
            addressedTo << a.email;
    for (const char *name : {"Delivered-To", "X-Original-To"})
        for (const auto &[n, v] : parent.headers)
            if (n.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                addressedTo << v.trimmed();
    for (const QString &email : addressedTo)
        for (const accounts::Identity &i : all)
            if (i.email.compare(email.trimmed(), Qt::CaseInsensitive) == 0)
                return i;
    return all.front();
}

mime::Draft answerDraft(const store::Account &account, const CachedMessage &parent, Answer kind,
                        const accounts::Identity &identity)
{
    const mime::Address self{identity.displayName, identity.email, {}};
    mime::Draft draft;
    switch (kind) {
    case Answer::Reply:
    case Answer::ReplyAll: {
        mime::ReplyOptions options;
        options.all = kind == Answer::ReplyAll;
        for (const accounts::Identity &i : accountIdentities(account))
            options.ownAddresses << i.email;
        draft = mime::makeReply(parent.parsed, self, options);
        break;
    }
    case Answer::ForwardInline:
    case Answer::ForwardAsAttachment:
        if (parent.raw.isEmpty())
            throw std::runtime_error(
                "the message's body is not in the cache yet; open it once to download it, "
                "then forward it");
        draft = kind == Answer::ForwardInline
                    ? mime::makeForwardInline(parent.parsed, parent.raw, self)
                    : mime::makeForwardAsAttachment(parent.parsed, parent.raw, self);
        break;
    }
    mime::applySignature(draft, identity.signature);
    return draft;
}

mime::Draft draftFromBytes(const QByteArray &raw, const QStringList &envelope)
{
    mime::ParseOptions options;
    options.includeAttachmentData = true;
    const mime::Message m = mime::parseMessage(raw, options);
    mime::Draft d;
    if (!m.from.empty())
        d.from = m.from.front();
    d.to = m.to;
    d.cc = m.cc;
    d.bcc = m.bcc;
    QSet<QString> visible;
    for (const auto *list : {&d.to, &d.cc, &d.bcc})
        for (const mime::Address &a : *list)
            visible.insert(a.email.toLower());
    for (const QString &r : envelope)
        if (!visible.contains(r.toLower())) {
            visible.insert(r.toLower());
            d.bcc.push_back({QString(), r, {}});
        }
    d.subject = m.subject;
    d.text = m.text;
    d.text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    d.html = m.html;
    if (!m.inReplyTo.isEmpty())
        d.inReplyTo = withoutBrackets(m.inReplyTo.front());
    for (const QString &r : m.references)
        d.references << withoutBrackets(r);
    for (const mime::Attachment &a : m.attachments) {
        if (a.isInline && d.html.isEmpty())
            continue; // a resource of an HTML body the draft no longer has
        mime::Draft::File f;
        f.data = a.data.isEmpty() && a.size > 0 ? mime::partData(raw, a.partIndex) : a.data;
        f.filename = a.filename.isEmpty() ? QStringLiteral("attachment") : a.filename;
        f.mimeType = a.mimeType;
        if (a.isInline)
            f.contentId = a.contentId;
        d.attachments.push_back(f);
    }
    return d;
}

} // namespace herald::smtp
