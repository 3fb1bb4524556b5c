#include "core/authres/AuthResultsParser.h"

namespace herald::authres {

QString AuthResult::prop(const QString &dotted) const
{
    for (const AuthResProperty &p : props) {
        const QString key =
            p.ptype.isEmpty() ? p.property : p.ptype + QLatin1Char('.') + p.property;
        if (key.compare(dotted, Qt::CaseInsensitive) == 0)
            return p.value;
    }
    return QString();
}

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isKeywordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

// RFC 2045 token: printable ASCII without tspecials; UTF-8 bytes allowed (RFC 6532).
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80)
        return true;
    if (u <= 32 || u == 127)
        return false;
    static const char specials[] = "()<>@,;:\\\"/[]?=";
    for (const char *s = specials; *s; ++s) {
        if (*s == c)
            return false;
    }
    return true;
}

class Parser
{
public:
    Parser(const QByteArray &in, ParseMode mode) : m_in(in), m_lenient(mode == ParseMode::Lenient)
    {
    }

    std::optional<AuthResHeader> run()
    {
        AuthResHeader header;
        if (!skipCfws())
            return std::nullopt;
        const std::optional<QByteArray> id = readValue();
        if (!id || id->isEmpty())
            return std::nullopt;
        header.authservId = QString::fromUtf8(*id);
        if (!skipCfws())
            return std::nullopt;
        if (peekIsDigit()) {
            QByteArray version;
            while (peekIsDigit())
                version += m_in.at(m_pos++);
            if (!atEnd() && !isWsp(peek()) && peek() != '(' && peek() != ';') {
                if (!m_lenient)
                    return std::nullopt;
                skipToSemicolon();
            } else {
                header.version = QString::fromLatin1(version);
            }
            if (!skipCfws())
                return std::nullopt;
        }
        if (atEnd())
            return m_lenient ? std::optional<AuthResHeader>(header) : std::nullopt;
        if (peek() != ';') {
            if (!m_lenient)
                return std::nullopt;
            skipToSemicolon();
        }
        bool sawNone = false;
        int resinfos = 0;
        while (!atEnd() && peek() == ';') {
            ++m_pos;
            if (!skipCfws())
                return m_lenient ? std::optional<AuthResHeader>(header) : std::nullopt;
            if (atEnd()) { // trailing ';'
                if (!m_lenient)
                    return std::nullopt;
                break;
            }
            if (sawNone && !m_lenient)
                return std::nullopt; // "none" must stand alone
            const qsizetype start = m_pos;
            if (readNone()) {
                if (resinfos > 0 && !m_lenient)
                    return std::nullopt;
                sawNone = true;
                if (!atEnd() && peek() != ';') {
                    if (!m_lenient)
                        return std::nullopt;
                    skipToSemicolon();
                }
                continue;
            }
            m_pos = start;
            AuthResult result;
            if (readResinfo(result)) {
                header.results.append(result);
                ++resinfos;
                continue;
            }
            if (!m_lenient)
                return std::nullopt;
            skipToSemicolon();
        }
        if (!atEnd() && !m_lenient)
            return std::nullopt;
        return header;
    }

private:
    bool atEnd() const { return m_pos >= m_in.size(); }
    char peek() const { return m_in.at(m_pos); }
    bool peekIsDigit() const { return !atEnd() && peek() >= '0' && peek() <= '9'; }

    // Skips white space, line folding and (nested) comments. False on an unterminated
    // comment in strict mode (lenient mode swallows the rest).
    bool skipCfws()
    {
        while (!atEnd()) {
            const char c = peek();
            if (isWsp(c)) {
                ++m_pos;
            } else if (c == '(') {
                int depth = 0;
                while (!atEnd()) {
                    const char d = m_in.at(m_pos++);
                    if (d == '\\' && !atEnd()) {
                        ++m_pos;
                    } else if (d == '(') {
                        ++depth;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                }
                if (depth != 0)
                    return m_lenient;
            } else {
                break;
            }
        }
        return true;
    }

    // Moves to the next ';' outside quotes and comments (or to the end).
    void skipToSemicolon()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ';')
                return;
            if (c == '(') {
                skipCfws();
            } else if (c == '"') {
                readQuoted();
            } else {
                ++m_pos;
            }
        }
    }

    std::optional<QByteArray> readQuoted()
    {
        if (atEnd() || peek() != '"')
            return std::nullopt;
        ++m_pos;
        QByteArray out;
        while (!atEnd()) {
            const char c = m_in.at(m_pos++);
            if (c == '\\' && !atEnd()) {
                out += m_in.at(m_pos++);
            } else if (c == '"') {
                return out;
            } else if (c != '\r' && c != '\n') {
                out += c;
            }
        }
        return m_lenient ? std::optional<QByteArray>(out) : std::nullopt;
    }

    std::optional<QByteArray> readValue()
    {
        if (atEnd())
            return std::nullopt;
        if (peek() == '"')
            return readQuoted();
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_in.mid(start, m_pos - start);
    }

    // A method, result, ptype or property name; lenient mode also takes a quoted one.
    std::optional<QByteArray> readKeyword()
    {
        if (atEnd())
            return std::nullopt;
        if (peek() == '"') {
            if (!m_lenient)
                return std::nullopt;
            return readQuoted();
        }
        const qsizetype start = m_pos;
        while (!atEnd() && isKeywordChar(peek()))
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_in.mid(start, m_pos - start).toLower();
    }

    bool readNone()
    {
        const std::optional<QByteArray> word = readKeyword();
        if (!word || *word != "none")
            return false;
        if (!skipCfws())
            return false;
        return atEnd() || peek() == ';' || (m_lenient && peek() != '=' && peek() != '/');
    }

    // pvalue: a quoted string, or the run of characters up to white space, ';' or a comment.
    std::optional<QByteArray> readPvalue()
    {
        if (atEnd())
            return std::nullopt;
        if (peek() == '"')
            return readQuoted();
        const qsizetype start = m_pos;
        while (!atEnd() && !isWsp(peek()) && peek() != ';' && peek() != '(' && peek() != '"')
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_in.mid(start, m_pos - start);
    }

    bool expect(char c)
    {
        if (!skipCfws() || atEnd() || peek() != c)
            return false;
        ++m_pos;
        return skipCfws();
    }

    bool readResinfo(AuthResult &out)
    {
        const std::optional<QByteArray> method = readKeyword();
        if (!method || method->isEmpty() || !skipCfws() || atEnd())
            return false;
        out.method = QString::fromUtf8(*method).toLower();
        if (peek() == '/') {
            ++m_pos;
            if (!skipCfws())
                return false;
            QByteArray version;
            while (peekIsDigit())
                version += m_in.at(m_pos++);
            if (version.isEmpty())
                return false;
            out.methodVersion = QString::fromLatin1(version);
        }
        if (!expect('='))
            return false;
        const std::optional<QByteArray> result = readKeyword();
        if (!result || result->isEmpty())
            return false;
        out.result = QString::fromUtf8(*result).toLower();
        while (true) {
            if (!skipCfws())
                return false;
            if (atEnd() || peek() == ';')
                return true;
            if (!readProperty(out))
                return false;
        }
    }

    bool readProperty(AuthResult &out)
    {
        const std::optional<QByteArray> name = readKeyword();
        if (!name || name->isEmpty() || !skipCfws() || atEnd())
            return false;
        AuthResProperty prop;
        if (peek() == '.') {
            ++m_pos;
            if (!skipCfws())
                return false;
            const std::optional<QByteArray> property = readKeyword();
            if (!property || property->isEmpty())
                return false;
            prop.ptype = QString::fromUtf8(*name).toLower();
            prop.property = QString::fromUtf8(*property).toLower();
        } else if (peek() == '=' && *name == "reason" && out.reason.isEmpty() &&
                   out.props.isEmpty()) {
            ++m_pos;
            if (!skipCfws())
                return false;
            const std::optional<QByteArray> reason = readValue();
            if (!reason)
                return false;
            out.reason = QString::fromUtf8(*reason);
            return true;
        } else if (peek() == '=' && m_lenient) {
            const QString n = QString::fromUtf8(*name).toLower();
            const qsizetype dot = n.indexOf(QLatin1Char('.'));
            if (dot > 0) { // a quoted "ptype.property"
                prop.ptype = n.left(dot);
                prop.property = n.mid(dot + 1);
            } else {
                prop.property = n;
            }
        } else {
            return false;
        }
        if (!expect('='))
            return false;
        const std::optional<QByteArray> value = readPvalue();
        if (!value)
            return m_lenient && (atEnd() || peek() == ';' || isWsp(peek()));
        prop.value = QString::fromUtf8(*value);
        out.props.append(prop);
        return true;
    }

    const QByteArray &m_in;
    const bool m_lenient;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<AuthResHeader> parseAuthenticationResults(const QByteArray &fieldBody, ParseMode mode)
{
    return Parser(fieldBody, mode).run();
}

} // namespace herald::authres
