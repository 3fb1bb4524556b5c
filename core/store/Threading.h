#pragma once
// Which conversation a message belongs to: the grouping of JWZ threading
// (https://www.jwz.org/doc/threading.html) kept incrementally, one message at a time, so a
// thread id can be stored with each row as mail arrives (ThreadRepository) and opening a folder
// with conversations on stays one indexed query.
//
// Herald keeps JWZ's membership, not its tree: the list shows a conversation's messages in date
// order. Each Message-ID a message carries (its own, In-Reply-To, References) is a key; a
// message joins the thread its keys already belong to, and when its keys belong to several
// threads (a reply that links two halves that arrived apart), those threads merge. Missing
// parents still group their children (the key exists before its message does), mail that
// arrives before its parent is joined by the parent, and a reference loop is only two keys
// of one thread. Subject fallback (JWZ step 5) only for mail that has no references at all
// and whose subject says it is a reply or forward ("Re:", "Fwd:", "AW:", "SV:", …): two
// unrelated "Hello" messages stay apart, as in Thunderbird's default.
//
// Pure logic over an abstract key index: no SQL here (tests use a map, the cache a table).

#include <QString>
#include <QStringList>
#include <optional>

namespace herald::store {

// The subject without reply/forward prefixes ("Re:", "Re[2]:", "Fwd:", "AW:", "SV:", …, also
// repeated and mixed), list tags in brackets before them ("[dev] Re: x"), and surrounding
// space; case-folded, inner whitespace collapsed. `isReply` says whether a prefix was there.
QString normalizedSubject(const QString &subject, bool *isReply = nullptr);

struct ThreadInput
{
    qint64 rowId = 0;    // the cache row; a new thread takes this as its id
    QString messageId;   // without <>
    QStringList parents; // References then In-Reply-To, without <> (any order, duplicates ok)
    QString subject;
};

// Where the keys live: Message-IDs ("<id>") and normalized subjects ("s:subject") mapped to
// thread ids.
class ThreadIndex
{
public:
    virtual ~ThreadIndex() = default;
    virtual std::optional<qint64> threadOfKey(const QString &key) = 0;
    virtual void setKey(const QString &key, qint64 threadId) = 0;
    // Every message and key of thread `from` now belongs to thread `into`.
    virtual void mergeThreads(qint64 from, qint64 into) = 0;
};

class Threader
{
public:
    explicit Threader(ThreadIndex &index) : m_index(index) {}
    // The thread of a new message; registers its keys (merging threads it links).
    qint64 add(const ThreadInput &message);

private:
    ThreadIndex &m_index;
};

} // namespace herald::store
