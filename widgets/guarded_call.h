#pragma once

#include <QCoreApplication>
#include <QString>
#include <exception>
#include <new>

#include "engine/errors.h"

namespace glassbox::gui {

// Runs engine work on a worker thread: Cancelled becomes onCancelled(), every other exception
// onError(message) with the engine's user-facing text, so nothing escapes into the event loop.
template <typename Work, typename OnCancelled, typename OnError>
void guardedCall(Work&& work, OnCancelled&& onCancelled, OnError&& onError) {
    try {
        work();
    } catch (const Cancelled&) {
        onCancelled();
    } catch (const std::bad_alloc&) {
        onError(QCoreApplication::translate("EngineThread", "Not enough memory."));
    } catch (const std::exception& e) {
        onError(QString::fromStdString(e.what()));
    } catch (...) {
        onError(QCoreApplication::translate("EngineThread", "Unknown error."));
    }
}

}  // namespace glassbox::gui
