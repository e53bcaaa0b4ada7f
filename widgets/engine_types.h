#pragma once

#include <QMetaType>
#include <map>
#include <memory>
#include <string>

#include "engine/column_stats.h"
#include "engine/table.h"

// Engine results travel between the engine thread and the GUI thread as shared pointers to
// immutable objects: the GUI reads them without any lock.
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::LoadedTable>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::Table>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::ColumnStats>)

namespace glassbox::gui {

// Column name -> the type the user chose for it (ReadOptions::typeOverrides).
using TypeOverrides = std::map<std::string, ColumnType>;

// Registers the types above for queued connections. Safe to call more than once.
void registerEngineMetaTypes();

}  // namespace glassbox::gui
