#pragma once
// The tag=value list of RFC 6376 section 3.2, used by DKIM-Signature, key records,
// ARC-Seal and ARC-Message-Signature. Values keep their inner folding white space;
// positions point into the parsed text so a signature's b= value can be blanked.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <optional>

namespace herald::authres {

struct DkimTag
{
    QByteArray name;
    QByteArray value;         // outer white space trimmed
    qsizetype valueStart = 0; // offset of the trimmed value in the parsed text
    qsizetype valueEnd = 0;   // one past its end
};

class DkimTagList
{
public:
    // nullopt on a syntax error or a repeated tag.
    static std::optional<DkimTagList> parse(const QByteArray &text);

    bool has(const QByteArray &name) const;
    QByteArray value(const QByteArray &name) const;
    const DkimTag *tag(const QByteArray &name) const;
    const QList<DkimTag> &tags() const { return m_tags; }

private:
    QList<DkimTag> m_tags;
    // name -> index in m_tags: a hostile signature of 80,000 tags made the duplicate check
    // by linear scan quadratic (10 s per parse).
    QHash<QByteArray, qsizetype> m_index;
};

// Removes every folding white space character (SP, HTAB, CR, LF): for b=, bh=, p=.
QByteArray stripFws(const QByteArray &value);

// `text` with the value of tag `name` (e.g. "b") removed, everything else byte for byte.
QByteArray blankTagValue(const QByteArray &text, const QByteArray &name);

} // namespace herald::authres
