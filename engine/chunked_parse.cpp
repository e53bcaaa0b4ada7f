#include "engine/chunked_parse.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/text_position.h"

namespace glassbox {
namespace {

constexpr std::size_t kMinChunkBytes = 256 * 1024;
constexpr std::size_t kMaxChunkBytes = 32 * 1024 * 1024;

// The offset after the first line break at or after target: a guess at a record start (the
// break may be inside a quoted field).
std::size_t nextLineStart(std::string_view text, std::size_t target) {
    if (target >= text.size()) return text.size();
    const char* data = text.data();
    const std::size_t n = text.size();
    const void* lf = std::memchr(data + target, '\n', n - target);
    const std::size_t lfAt = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - data) : n;
    const void* cr = std::memchr(data + target, '\r', lfAt - target);
    if (cr) {
        const std::size_t crAt = static_cast<std::size_t>(static_cast<const char*>(cr) - data);
        return crAt + 1 < n && data[crAt + 1] == '\n' ? crAt + 2 : crAt + 1;
    }
    return lfAt < n ? lfAt + 1 : n;
}

std::vector<std::size_t> chunkStarts(std::string_view text, std::size_t begin, unsigned threads) {
    std::vector<std::size_t> starts;
    const std::size_t bytes = text.size() - std::min(begin, text.size());
    const std::size_t size = threads <= 1 ? bytes + 1
                                          : std::clamp<std::size_t>(bytes / (threads * 4),
                                                                    kMinChunkBytes, kMaxChunkBytes);
    for (std::size_t b = begin; b < text.size(); b = nextLineStart(text, b + size))
        starts.push_back(b);
    if (starts.empty()) starts.push_back(begin);
    return starts;
}

}  // namespace

ChunkedText parseInChunks(std::string_view text, std::size_t begin, const ChunkLayout& layout,
                          unsigned threads, const std::string& fileName, const TaskContext& task) {
    threads = std::max(threads, 1u);
    const std::vector<std::size_t> starts = chunkStarts(text, begin, threads);
    const std::size_t count = starts.size();
    auto endOf = [&](std::size_t i) { return i + 1 < count ? starts[i + 1] : text.size(); };
    const double total = static_cast<double>(std::max<std::size_t>(text.size() - begin, 1));
    std::atomic<std::size_t> bytesDone{0};
    std::atomic<bool> abandon{false};

    auto progressFor = [&](bool onCaller) -> ChunkProgress {
        return [&, onCaller](std::size_t bytes) {
            const std::size_t done = bytesDone.fetch_add(bytes) + bytes;
            if (abandon.load(std::memory_order_relaxed) || task.isCancelled()) return false;
            if (onCaller) task.report(static_cast<double>(done) / total, "reading");
            return true;
        };
    };

    std::vector<ChunkResult> chunks(count);
    parallelFor(count, threads, [&](std::size_t i, bool onCaller) {
        chunks[i] = parseChunk(text, starts[i], endOf(i), layout, progressFor(onCaller));
        if (layout.release) layout.release(text.substr(starts[i], chunks[i].end - starts[i]));
        // An error in the first chunk is certain; later chunks are then not needed.
        if (i == 0 && (chunks[i].failed || chunks[i].badByteOffset != kNoBadByte)) abandon = true;
        return true;
    });
    task.checkCancelled();

    // Each chunk must start where the previous one ended; parse again those that did not.
    const ChunkProgress callerProgress = progressFor(true);
    abandon = false;
    std::size_t expected = begin;
    for (std::size_t i = 0; i < count; ++i) {
        ChunkResult& chunk = chunks[i];
        if (chunk.begin != expected || chunk.cancelled) {
            if (expected >= endOf(i)) {
                chunk = ChunkResult();
                chunk.begin = chunk.end = expected;
            } else {
                chunk = parseChunk(text, expected, endOf(i), layout, callerProgress);
                if (layout.release)
                    layout.release(text.substr(chunk.begin, chunk.end - chunk.begin));
            }
        }
        task.checkCancelled();
        if (chunk.badByteOffset != kNoBadByte &&
            (!chunk.failed || chunk.badByteOffset < chunk.errorOffset)) {
            ChunkedText result;
            result.badByteOffset = chunk.badByteOffset;
            result.badByteIsNul = chunk.badByteIsNul;
            chunks.resize(i + 1);
            result.chunks = std::move(chunks);
            return result;
        }
        if (chunk.failed) {
            const TextPosition p = locateOffset(text, chunk.errorOffset);
            throw ParseError(fileName, p.line, p.column, chunk.errorReason);
        }
        expected = chunk.end;
    }
    ChunkedText result;
    result.chunks = std::move(chunks);
    return result;
}

void harmonizePieces(std::string_view text, std::vector<ChunkResult>& chunks,
                     const ChunkLayout& layout, unsigned threads) {
    std::vector<std::vector<std::size_t>> toRescan(chunks.size());
    bool any = false;
    for (std::size_t c = 0; c < layout.columns; ++c) {
        bool dictionary = false, numeric = false;
        for (const ChunkResult& chunk : chunks) {
            if (chunk.rows == 0) continue;
            (chunk.pieces[c].isDictionary ? dictionary : numeric) = true;
        }
        if (!dictionary || !numeric) continue;
        for (std::size_t i = 0; i < chunks.size(); ++i)
            if (chunks[i].rows > 0 && !chunks[i].pieces[c].isDictionary) {
                toRescan[i].push_back(c);
                any = true;
            }
    }
    if (!any) return;
    parallelFor(chunks.size(), std::max(threads, 1u), [&](std::size_t i, bool) {
        if (toRescan[i].empty()) return true;
        rescanAsDictionary(text, chunks[i], toRescan[i], layout);
        if (layout.release)
            layout.release(text.substr(chunks[i].begin, chunks[i].end - chunks[i].begin));
        return true;
    });
}

}  // namespace glassbox
