#include "core/store/AccountRepository.h"

#include "core/store/Sqlite.h"

namespace herald::store {

namespace {
constexpr const char *kColumns =
    "id, name, email, display_name, incoming_url, outgoing_url, settings FROM accounts ";

Account readAccount(const Statement &st)
{
    Account a;
    a.id = st.int64(0);
    a.name = st.text(1);
    a.email = st.text(2);
    a.displayName = st.text(3);
    a.incomingUrl = st.text(4);
    a.outgoingUrl = st.text(5);
    a.settingsJson = st.text(6);
    return a;
}

std::vector<Account> readAll(Statement &st)
{
    std::vector<Account> out;
    while (st.step())
        out.push_back(readAccount(st));
    return out;
}
} // namespace

qint64 AccountRepository::add(const Account &a)
{
    Statement st(m_db, "INSERT INTO accounts (name, email, display_name, incoming_url, "
                       "outgoing_url, settings, created_at) VALUES (?,?,?,?,?,?,?)");
    st.bind(1, a.name).bind(2, a.email).bind(3, a.displayName).bind(4, a.incomingUrl);
    st.bind(5, a.outgoingUrl)
        .bind(6, a.settingsJson.isEmpty() ? QStringLiteral("{}") : a.settingsJson);
    st.bind(7, QDateTime::currentSecsSinceEpoch());
    st.exec();
    return m_db.lastInsertId();
}

void AccountRepository::update(const Account &a)
{
    Statement st(m_db, "UPDATE accounts SET name=?, email=?, display_name=?, incoming_url=?, "
                       "outgoing_url=?, settings=? WHERE id=?");
    st.bind(1, a.name).bind(2, a.email).bind(3, a.displayName).bind(4, a.incomingUrl);
    st.bind(5, a.outgoingUrl).bind(6, a.settingsJson).bind(7, a.id);
    st.exec();
}

void AccountRepository::remove(qint64 id)
{
    Statement st(m_db, "DELETE FROM accounts WHERE id=?");
    st.bind(1, id).exec();
}

AccountContents AccountRepository::contents(qint64 id)
{
    AccountContents c;
    Statement messages(m_db, "SELECT count(*), coalesce(sum((flags & 16) != 0), 0) FROM messages "
                             "WHERE account_id=?");
    messages.bind(1, id);
    if (messages.step()) {
        c.messages = messages.int64(0);
        c.drafts = messages.int64(1);
    }
    messages.reset();
    // Outbox states before "sent" (core/smtp/Outbox.h); a sent one only waits for its Sent copy.
    Statement unsent(m_db, "SELECT count(*) FROM tasks WHERE account_id=? AND kind='send' AND "
                           "state <> 'sent'");
    unsent.bind(1, id);
    if (unsent.step())
        c.unsent = unsent.int64(0);
    unsent.reset();
    return c;
}

void AccountRepository::removeWithContents(qint64 id)
{
    Transaction tx(m_db);
    // message_fts is a virtual table: no cascade reaches it.
    Statement fts(m_db, "DELETE FROM message_fts WHERE rowid IN (SELECT id FROM messages WHERE "
                        "account_id=?)");
    fts.bind(1, id).exec();
    remove(id); // ON DELETE CASCADE: folders, messages, bodies (files noted), tasks, pop3_state
    tx.commit();
}

std::vector<Account> AccountRepository::list()
{
    Statement st(m_db, (std::string("SELECT ") + kColumns + "ORDER BY name").c_str());
    return readAll(st);
}

std::optional<Account> AccountRepository::byId(qint64 id)
{
    Statement st(m_db, (std::string("SELECT ") + kColumns + "WHERE id=?").c_str());
    st.bind(1, id);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<Account>(all.front());
}

std::optional<Account> AccountRepository::byName(const QString &name)
{
    Statement st(m_db, (std::string("SELECT ") + kColumns + "WHERE name=?").c_str());
    st.bind(1, name);
    auto all = readAll(st);
    return all.empty() ? std::nullopt : std::optional<Account>(all.front());
}

} // namespace herald::store
