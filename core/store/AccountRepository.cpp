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
    st.bind(5, a.outgoingUrl).bind(6, a.settingsJson.isEmpty() ? QStringLiteral("{}") : a.settingsJson);
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
