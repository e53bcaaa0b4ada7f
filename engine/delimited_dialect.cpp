#include "engine/delimited_dialect.h"

#include <algorithm>
#include <optional>

#include "engine/delimited_tokenizer.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr char kCandidates[] = {',', '\t', ';', '|'};

// Integers and other numbers count as different kinds, as in Python's csv.Sniffer: a year
// ("1960") over decimals is a column name.
enum class CellKind { Integer, Decimal, Boolean, Date, Other };

CellKind kindOf(std::string_view cell) {
    if (parseNumber(cell)) {
        const std::string_view t = trimSpaces(cell);
        const bool integer = t.find_first_not_of("+-0123456789") == std::string_view::npos;
        return integer ? CellKind::Integer : CellKind::Decimal;
    }
    if (parseBoolean(cell)) return CellKind::Boolean;
    if (parseIsoDateTime(cell)) return CellKind::Date;
    return CellKind::Other;
}

// The kind shared by all cells (numbers: Decimal if any is not an integer), or Other.
CellKind commonKind(const std::vector<std::string_view>& cells) {
    CellKind kind = kindOf(cells.front());
    for (std::string_view c : cells) {
        const CellKind k = kindOf(c);
        if (k == kind) continue;
        const bool numbers = (k == CellKind::Integer || k == CellKind::Decimal) &&
                             (kind == CellKind::Integer || kind == CellKind::Decimal);
        if (!numbers) return CellKind::Other;
        kind = CellKind::Decimal;
    }
    return kind;
}

// Field counts of the sampled records under one delimiter.
std::vector<std::size_t> fieldCounts(std::string_view text, char delimiter) {
    const SampleRecords records = sampleRecords(text, delimiter);
    std::vector<std::size_t> counts;
    counts.reserve(records.size());
    for (const auto& r : records) {
        // A record of empty fields ("\t\t" under tab) says nothing about the delimiter.
        const bool empty = std::all_of(r.begin(), r.end(),
                                       [](const std::string& f) { return trimSpaces(f).empty(); });
        if (!empty) counts.push_back(r.size());
    }
    return counts;
}

bool firstRowLooksLikeNames(const std::vector<std::string>& first, const MissingMarkers& missing) {
    return !first.empty() && std::all_of(first.begin(), first.end(), [&](const std::string& c) {
        return !missing.isMissing(c) && !parseNumber(c);
    });
}

}  // namespace

SampleRecords sampleRecords(std::string_view text, char delimiter, std::size_t maxRecords,
                            std::size_t maxBytes) {
    const bool cut = text.size() > maxBytes;
    const std::string_view sample = text.substr(0, maxBytes);
    DelimitedTokenizer tokenizer(sample, delimiter);
    RecordFields fields;
    SampleRecords records;
    bool lastIsComplete = true;
    while (records.size() < maxRecords) {
        const RecordStatus status = tokenizer.next(fields);
        if (status == RecordStatus::BlankLine) continue;
        if (status != RecordStatus::Record) {
            // A quote still open at the end of a cut sample is a record cut in the middle.
            if (status == RecordStatus::Error && cut && records.empty()) {
                records.emplace_back(fields.values.begin(), fields.values.end());
            }
            break;
        }
        records.emplace_back(fields.values.begin(), fields.values.end());
        lastIsComplete = !cut || tokenizer.position() < sample.size();
    }
    if (!lastIsComplete && records.size() > 1) records.pop_back();
    return records;
}

char sniffDelimiter(std::string_view text) {
    struct Candidate {
        char delimiter;
        std::size_t fields;
        double agreement;  // share of records with the first record's field count
    };
    std::optional<Candidate> best;
    for (char delimiter : kCandidates) {
        const std::vector<std::size_t> counts = fieldCounts(text, delimiter);
        if (counts.empty() || counts.front() < 2) continue;
        const auto agreeing = std::count(counts.begin(), counts.end(), counts.front());
        const Candidate c{delimiter, counts.front(),
                          static_cast<double>(agreeing) / static_cast<double>(counts.size())};
        // Consistent (90%) candidates beat inconsistent ones, then more fields win.
        auto rank = [](const Candidate& x) {
            return std::pair<int, double>(
                x.agreement >= 0.9 ? 1 : 0,
                x.agreement >= 0.9 ? static_cast<double>(x.fields) : x.agreement);
        };
        if (c.agreement < 0.5) continue;
        if (!best || rank(c) > rank(*best)) best = c;
    }
    return best ? best->delimiter : ',';
}

bool sniffHeader(const SampleRecords& records, const MissingMarkers& missing) {
    if (records.empty()) return false;
    const std::vector<std::string>& first = records.front();
    int score = 0;
    for (std::size_t column = 0; column < first.size(); ++column) {
        std::vector<std::string_view> below;
        for (std::size_t r = 1; r < records.size(); ++r)
            if (column < records[r].size() && !missing.isMissing(records[r][column]))
                below.push_back(records[r][column]);
        if (below.empty()) continue;
        const std::string& head = first[column];
        const CellKind kind = commonKind(below);
        if (kind != CellKind::Other) {
            score += !missing.isMissing(head) && kindOf(head) == kind ? -1 : 1;
        } else {
            score += std::find(below.begin(), below.end(), head) != below.end() ? -1 : 1;
        }
    }
    if (score != 0) return score > 0;
    return firstRowLooksLikeNames(first, missing);
}

}  // namespace glassbox
