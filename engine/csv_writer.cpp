#include "engine/csv_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "engine/errors.h"

namespace glassbox {

void writeCsvField(std::ostream& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out << field;
        return;
    }
    out << '"';
    for (char c : field) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

void writeCsv(std::ostream& out, const Table& table) {
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (c > 0) out << ',';
        writeCsvField(out, table.column(c).name());
    }
    out << '\n';
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            if (c > 0) out << ',';
            const Column& column = table.column(c);
            if (!column.isMissing(r)) writeCsvField(out, column.format(r));
        }
        out << '\n';
    }
}

void writeCsvFile(const Table& table, const std::string& path) {
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(path, "cannot write: " + std::string(std::strerror(errno)));
        writeCsv(out, table);
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            throw IoError(path, "cannot write: " + std::string(std::strerror(errno)));
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw IoError(path, "cannot write: " + reason);
    }
}

}  // namespace glassbox
