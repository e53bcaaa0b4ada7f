#include "engine/tree_export.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "engine/column.h"

namespace glassbox {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// "petal_length <= 2.45" or "color in {red, blue}".
std::string splitText(const FlatTree& tree, std::size_t node, const FeatureSchema& schema) {
    const FeatureInfo& f = schema.features[tree.feature[node]];
    if (f.isCategorical())
        return f.name + " in {" + joined(leftCategoryNames(tree, node, schema)) + "}";
    return f.name + " <= " + formatNumber(tree.threshold[node]);
}

std::string valueText(const FlatTree& tree, std::size_t node, const TreeLabels& labels) {
    const auto v = tree.valueOf(node);
    if (labels.classes.empty() || v.size() != labels.classes.size()) {
        std::string out;
        for (double x : v) out += (out.empty() ? "" : ", ") + formatNumber(x);
        return v.size() == 1 ? "value " + out : "value [" + out + "]";
    }
    std::size_t best = 0;
    for (std::size_t c = 1; c < v.size(); ++c)
        if (v[c] > v[best]) best = c;
    std::string out = "class " + labels.classes[best] + " [";
    for (std::size_t c = 0; c < v.size(); ++c) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%s%.3g", c ? ", " : "", v[c]);
        out += buffer;
    }
    return out + "]";
}

std::string dotEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// One line per node, depth-first with an explicit stack (a deep tree must not exhaust the
// call stack).
std::string textLines(const FlatTree& tree, const TreeLabels& labels) {
    struct Item {
        std::size_t node;
        std::size_t depth;
        std::string heading;  // the branch line printed before the node's own lines
    };
    std::string out;
    std::vector<Item> stack{{0, 0, {}}};
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        out += item.heading;
        std::string indent;
        for (std::size_t i = 0; i < item.depth; ++i) indent += "|   ";
        const std::size_t n = item.node;
        if (tree.isLeaf(n)) {
            out += indent + "|--- " + valueText(tree, n, labels) + " (samples " +
                   formatNumber(tree.samples[n]) + ")\n";
            continue;
        }
        const std::string split = splitText(tree, n, labels.schema);
        const bool missingLeft = tree.missingGoesLeft[n];
        stack.push_back(
            {static_cast<std::size_t>(tree.right[n]), item.depth + 1,
             indent + "|--- not (" + split + ")" + (missingLeft ? "" : " or missing") + "\n"});
        stack.push_back({static_cast<std::size_t>(tree.left[n]), item.depth + 1,
                         indent + "|--- " + split + (missingLeft ? " or missing" : "") + "\n"});
    }
    return out;
}

}  // namespace

std::vector<std::string> leftCategoryNames(const FlatTree& tree, std::size_t node,
                                           const FeatureSchema& schema) {
    const FeatureInfo& f = schema.features[tree.feature[node]];
    std::vector<std::string> names;
    for (std::size_t level = 0; level < f.levels.size(); ++level)
        if (tree.categoryGoesLeft(node, static_cast<std::int32_t>(level)))
            names.push_back(f.levels[level]);
    return names;
}

std::string exportTreeJson(const FlatTree& tree, const TreeLabels& labels) {
    nlohmann::json nodes = nlohmann::json::array();
    for (std::size_t n = 0; n < tree.nodeCount(); ++n) {
        const auto v = tree.valueOf(n);
        nlohmann::json node = {{"id", n},
                               {"samples", tree.samples[n]},
                               {"value", std::vector<double>(v.begin(), v.end())},
                               {"impurity", tree.impurity[n]}};
        if (!tree.isLeaf(n)) {
            const FeatureInfo& f = labels.schema.features[tree.feature[n]];
            node["feature"] = f.name;
            if (f.isCategorical())
                node["categories_left"] = leftCategoryNames(tree, n, labels.schema);
            else
                node["threshold"] = tree.threshold[n];
            node["left"] = tree.left[n];
            node["right"] = tree.right[n];
            node["missing_goes"] = tree.missingGoesLeft[n] ? "left" : "right";
            node["gain"] = tree.gain[n];
        }
        nodes.push_back(std::move(node));
    }
    nlohmann::json out = {{"nodes", std::move(nodes)}};
    if (!labels.classes.empty()) out["classes"] = labels.classes;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string exportTreeDot(const FlatTree& tree, const TreeLabels& labels) {
    std::string out = "digraph tree {\n  node [shape=box, fontname=\"Helvetica\"];\n";
    for (std::size_t n = 0; n < tree.nodeCount(); ++n) {
        std::string label;
        if (!tree.isLeaf(n)) label = splitText(tree, n, labels.schema) + "\\n";
        label += "samples = " + formatNumber(tree.samples[n]) + "\\n" + valueText(tree, n, labels);
        out += "  " + std::to_string(n) + " [label=\"" + dotEscape(label) + "\"];\n";
        if (tree.isLeaf(n)) continue;
        const bool missingLeft = tree.missingGoesLeft[n];
        out += "  " + std::to_string(n) + " -> " + std::to_string(tree.left[n]) + " [label=\"yes" +
               (missingLeft ? ", missing" : "") + "\"];\n";
        out += "  " + std::to_string(n) + " -> " + std::to_string(tree.right[n]) + " [label=\"no" +
               (missingLeft ? "" : ", missing") + "\"];\n";
    }
    return out + "}\n";
}

std::string exportTreeText(const FlatTree& tree, const TreeLabels& labels) {
    return textLines(tree, labels);
}

}  // namespace glassbox
