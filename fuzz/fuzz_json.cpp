// The validator's JSON parser (JsonTree): any bytes, decoded as UTF-8.
// Invariants: every node's span lies inside the text, children point back
// to their parent, and a parse that succeeds agrees with QJsonDocument on
// what is valid JSON (QJsonDocument accepts a superset of RFC 8259 in a few
// places, so only "JsonTree ok => QJsonDocument ok" is checked).
#include "FuzzInput.h"

#include "validation/JsonTree.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace retell;
using core::detail::JsonTree;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const JsonTree tree(text);
    if (!tree.ok()) {
        fuzz::require(tree.errorOffset() >= 0 && tree.errorOffset() <= text.size());
        return 0;
    }
    for (int n = 0; n < tree.size(); ++n) {
        const JsonTree::Node &node = tree.node(n);
        fuzz::require(node.offset >= 0 && node.length >= 0 &&
                      node.offset + node.length <= text.size());
        fuzz::require(n == JsonTree::kRoot || (node.parent >= 0 && node.parent < n));
        if (node.keyOffset >= 0) {
            fuzz::require(node.keyOffset + node.keyLength <= text.size());
            (void)tree.keyOf(n);
        }
        if (node.kind == JsonTree::Kind::String) {
            (void)JsonTree::decode(QStringView(text).mid(node.offset, node.length));
            (void)tree.isBlankString(n);
        }
        if (node.kind == JsonTree::Kind::Object)
            (void)tree.member(n, QLatin1StringView("name"));
    }
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!tree.isEmpty() && (tree.kind(JsonTree::kRoot) == JsonTree::Kind::Object ||
                            tree.kind(JsonTree::kRoot) == JsonTree::Kind::Array))
        fuzz::require(error.error == QJsonParseError::NoError ||
                      error.error == QJsonParseError::DeepNesting);
    return 0;
}
