#include "core/mime/internal/BodySelection.h"

namespace herald::mime::internal {

namespace {

class Selector
{
public:
    explicit Selector(BodySelection &out) : m_out(out) {}

    void visit(const Part &part, bool inAlternative, bool isResource)
    {
        const QString &type = part.mimeType;
        if (type == QLatin1String("message/rfc822") || type == QLatin1String("message/global")) {
            m_out.attachments.push_back({&part, false});
            return;
        }
        if (type.startsWith(QLatin1String("multipart/"))) {
            visitMultipart(part, inAlternative, isResource);
            return;
        }
        const bool bodyCandidate =
            part.disposition != QLatin1String("attachment") && !isResource && part.terminated;
        if (bodyCandidate && type == QLatin1String("text/plain") && m_out.textPart < 0) {
            m_out.textPart = part.index;
            return;
        }
        if (bodyCandidate && type == QLatin1String("text/html") && m_out.htmlPart < 0) {
            m_out.htmlPart = part.index;
            return;
        }
        if (inAlternative && type.startsWith(QLatin1String("text/")))
            return; // another rendering of the body, not an attachment
        const bool shownInline =
            part.disposition != QLatin1String("attachment") &&
            (isResource || !part.contentId.isEmpty() ||
             (type.startsWith(QLatin1String("text/")) && part.filename.isEmpty()));
        m_out.attachments.push_back({&part, shownInline});
    }

private:
    void visitMultipart(const Part &part, bool inAlternative, bool isResource)
    {
        const QString subtype = part.mimeType.mid(10);
        if (subtype == QLatin1String("alternative")) {
            for (const Part &child : part.children)
                visit(child, true, isResource);
            return;
        }
        if (subtype == QLatin1String("related") && !part.children.empty()) {
            const Part *root = &part.children.front();
            visit(*root, inAlternative, isResource);
            for (const Part &child : part.children) {
                if (&child != root)
                    visit(child, false, true);
            }
            return;
        }
        for (const Part &child : part.children)
            visit(child, inAlternative, isResource);
    }

    BodySelection &m_out;
};

} // namespace

BodySelection selectBody(const Part &root)
{
    BodySelection out;
    Selector(out).visit(root, false, false);
    return out;
}

} // namespace herald::mime::internal
