// Loads one data file with glassbox::readTable and prints the time and the peak memory of the
// process as JSON: {"file", "rows", "columns", "seconds", "cpu_seconds", "peak_rss_mb"}
// (cpu_seconds: user + system time of all threads during the load).
// Usage: bench_load FILE [--threads N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/errors.h"
#include "engine/table_reader.h"

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--threads")) {
        std::fprintf(stderr, "usage: %s FILE [--threads N]\n", argv[0]);
        return 2;
    }
    glassbox::ReadOptions options;
    if (argc == 4) options.threads = static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10));
    auto cpuSeconds = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    try {
        const double cpuStart = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        const glassbox::LoadedTable loaded = glassbox::readTable(argv[1], options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = cpuSeconds() - cpuStart;
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf(
            "{\"file\": \"%s\", \"rows\": %zu, \"columns\": %zu, \"seconds\": %.4f, "
            "\"cpu_seconds\": %.4f, \"peak_rss_mb\": %.1f}\n",
            argv[1], loaded.table.rowCount(), loaded.table.columnCount(), seconds, cpu,
            static_cast<double>(usage.ru_maxrss) / 1024.0);
    } catch (const glassbox::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
