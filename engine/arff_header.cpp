#include "engine/arff_header.h"

#include <algorithm>
#include <unordered_set>

#include "engine/column_builder.h"

namespace glassbox {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string quotedName(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

std::vector<std::string> readNominalLevels(ArffCursor& cursor) {
    std::vector<std::string> levels;
    std::unordered_set<std::string> seen;
    cursor.accept('{');
    if (cursor.accept('}')) return levels;
    for (;;) {
        if (cursor.atEnd())
            throw cursor.errorAt(cursor.contentEnd(), "missing } at the end of the nominal values");
        const ArffCursor::Value value = cursor.readValue(",}");
        if (!value.quoted && value.text.empty())
            throw cursor.errorAt(value.offset, "empty nominal value (quote it: '')");
        if (!seen.insert(std::string(value.text)).second)
            throw cursor.errorAt(
                value.offset, "nominal value " + quotedExcerpt(value.text) + " is declared twice");
        levels.emplace_back(value.text);
        if (cursor.accept(',')) continue;
        if (cursor.accept('}')) return levels;
        if (cursor.atEnd())
            throw cursor.errorAt(cursor.contentEnd(), "missing } at the end of the nominal values");
        throw cursor.errorAt(cursor.offset(), "expected , or } after a nominal value");
    }
}

ArffAttribute readAttribute(ArffCursor& cursor, std::size_t& nameOffset) {
    ArffAttribute attribute;
    const ArffCursor::Value name = cursor.readWord("{");
    nameOffset = name.offset;
    if (!name.quoted && name.text.empty())
        throw cursor.errorAt(cursor.offset(), "@attribute needs a name and a type");
    attribute.name = std::string(name.text);

    if (cursor.peek() == '{') {
        attribute.kind = ArffAttributeKind::Nominal;
        attribute.levels = readNominalLevels(cursor);
    } else {
        const ArffCursor::Value type = cursor.readWord("{");
        if (!type.quoted && type.text.empty())
            throw cursor.errorAt(type.offset,
                                 "attribute " + quotedName(attribute.name) + " has no type");
        const std::string keyword = type.quoted ? std::string() : lowered(type.text);
        if (keyword == "numeric" || keyword == "real" || keyword == "integer") {
            attribute.kind = ArffAttributeKind::Numeric;
        } else if (keyword == "string") {
            attribute.kind = ArffAttributeKind::String;
        } else if (keyword == "date") {
            attribute.kind = ArffAttributeKind::Date;
            std::string pattern(ArffDateFormat::kDefaultPattern);
            std::size_t patternOffset = cursor.offset();
            if (!cursor.atEnd()) {
                const ArffCursor::Value given = cursor.readWord("");
                pattern = std::string(given.text);
                patternOffset = given.offset;
            }
            std::string problem;
            attribute.date = ArffDateFormat::compile(pattern, problem);
            if (!attribute.date) throw cursor.errorAt(patternOffset, problem);
        } else if (keyword == "relational") {
            throw cursor.errorAt(type.offset, "relational attribute " + quotedName(attribute.name) +
                                                  " is not supported (multi-instance data)");
        } else {
            throw cursor.errorAt(type.offset,
                                 "unknown attribute type " + quotedExcerpt(type.text) +
                                     " (expected numeric, real, integer, string, date or "
                                     "{nominal values})");
        }
    }
    if (!cursor.atEnd())
        throw cursor.errorAt(cursor.offset(), "unexpected text after the type of attribute " +
                                                  quotedName(attribute.name));
    return attribute;
}

// Makes the names unique, with one warning naming the declaration of each renamed attribute.
void makeNamesUnique(ArffHeader& header, const std::vector<std::string>& locations,
                     std::vector<Warning>& warnings) {
    std::vector<std::string> names;
    for (const ArffAttribute& attribute : header.attributes) names.push_back(attribute.name);
    std::vector<Warning> ignored;  // replaced by the located warnings below
    const std::vector<std::string> unique = makeUniqueColumnNames(names, ignored);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (unique[i] == names[i]) continue;
        const std::string what =
            names[i].empty() ? "has an empty name" : "repeats the name " + quotedName(names[i]);
        warnings.push_back({locations[i] + ": attribute " + std::to_string(i + 1) + " " + what +
                                "; renamed " + unique[i],
                            0});
        header.attributes[i].name = unique[i];
    }
}

}  // namespace

ArffHeader readArffHeader(ArffLineReader& lines, const std::string& fileName,
                          std::vector<Warning>& warnings) {
    ArffHeader header;
    bool sawRelation = false;
    std::vector<std::string> locations;  // "FILE:LINE:COLUMN" of each attribute name
    ArffLine line;
    while (lines.next(line)) {
        ArffCursor cursor(line, fileName);
        if (cursor.atEnd()) continue;
        const std::size_t start = cursor.offset();
        if (cursor.peek() != '@') {
            const std::string found = quotedExcerpt(cursor.readValue("").text);
            throw cursor.errorAt(start, sawRelation ? "expected @attribute or @data, found " + found
                                                    : "expected @relation, found " + found +
                                                          " (is this an ARFF file?)");
        }
        const ArffCursor::Value keywordWord = cursor.readWord("{");
        const std::string keyword = lowered(keywordWord.text);
        if (keyword == "@relation") {
            if (sawRelation) throw cursor.errorAt(start, "a second @relation line");
            const ArffCursor::Value name = cursor.readValue("");
            if (!name.quoted && name.text.empty())
                throw cursor.errorAt(cursor.offset(), "@relation needs a name");
            if (name.quoted && !cursor.atEnd())
                throw cursor.errorAt(cursor.offset(), "unexpected text after the relation name");
            header.relation = std::string(name.text);
            sawRelation = true;
        } else if (!sawRelation) {
            throw cursor.errorAt(start,
                                 "expected @relation before " + quotedExcerpt(keywordWord.text));
        } else if (keyword == "@attribute") {
            std::size_t nameOffset = 0;
            header.attributes.push_back(readAttribute(cursor, nameOffset));
            locations.push_back(
                formatLocation(fileName, line.number, locateOffset(line.text, nameOffset).column));
        } else if (keyword == "@data") {
            if (!cursor.atEnd())
                throw cursor.errorAt(cursor.offset(), "unexpected text after @data");
            if (header.attributes.empty())
                throw cursor.errorAt(start, "@data before any @attribute");
            makeNamesUnique(header, locations, warnings);
            return header;
        } else {
            throw cursor.errorAt(start, "unknown keyword " + quotedExcerpt(keywordWord.text) +
                                            " (expected @attribute or @data)");
        }
    }
    const TextPosition end = lines.end();
    throw ParseError(fileName, end.line, end.column,
                     sawRelation ? "missing @data: the file ends before its data section"
                                 : "no @relation line: this is not an ARFF file");
}

}  // namespace glassbox
