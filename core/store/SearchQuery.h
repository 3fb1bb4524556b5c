#pragma once
// SearchQuery: what a user types into the search box, parsed into terms the cache can answer.
//
//   free words        prefix match anywhere (subject, addresses, body): invoice → invoices
//   "quoted phrase"   the words in that order
//   from:X  to:X      sender; recipients (To and Cc; cc:X is the same)    X may be "quoted"
//   subject:X         the subject
//   has:attachment    is:unread  is:read  is:flagged  is:unflagged
//   before:YYYY-MM-DD (earlier than that day)  after:YYYY-MM-DD (that day or later), local time
//   verdict:fail|pass|neutral|unknown   the stored sender verdict (store::AuthSummary)
//   folder:NAME (in:NAME)   only folders of that name (any account), whatever the scope
//
// Prefixes are case-insensitive. An unknown prefix ("foo:bar", "re:") is searched as words. A
// bad value (a date that is not YYYY-MM-DD, is:maybe) is left out of the search and described
// in problems(), for the UI to show; parsing never throws.
//
// toSql() turns the terms into one SELECT over messages (joined to message_fts when there is
// text to match) with every value bound; SearchIndex::find() runs it.

#include "core/store/Records.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace herald::store {

class SearchQuery
{
public:
    static SearchQuery parse(const QString &text);

    QStringList words;   // free words and phrases (a phrase holds spaces)
    QStringList from;    // from: values
    QStringList to;      // to: / cc: values
    QStringList subject; // subject: values
    bool hasAttachment = false;
    std::optional<bool> unread;
    std::optional<bool> flagged;
    std::optional<AuthSummary> verdict;
    QDate before; // null: no bound
    QDate after;
    QString folder;
    QStringList problems; // one sentence each, for the user

    // Nothing to search for (empty text, or only bad terms or bare prefixes).
    bool isEmpty() const;
    // Matches text through the full-text index (so unindexed messages are not found yet).
    bool usesIndex() const;
    // The FTS5 MATCH expression ("" when usesIndex() is false): every word quoted.
    QString ftsExpression() const;
    // What to highlight in a result: words, phrases and from/to/subject values.
    QStringList highlightTerms() const;

    using Value = std::variant<qint64, QString>;
    struct Sql
    {
        std::string text;
        std::vector<Value> values; // bound in order, 1-based
    };
    // Ids of matching messages, newest first. folderId 0: every folder of every account.
    Sql toSql(qint64 folderId, int limit) const;
    // Messages of the scope the index has not caught up with (see usesIndex()).
    Sql notIndexedSql(qint64 folderId) const;
};

} // namespace herald::store
