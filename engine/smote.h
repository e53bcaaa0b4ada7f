#pragma once

#include <cstddef>
#include <vector>

#include "engine/random.h"
#include "engine/resampling.h"
#include "engine/task.h"

namespace glassbox {

struct SmoteRows {
    std::vector<SyntheticRow> synthetic;  // class by class
    std::size_t incompleteRows = 0;
    std::vector<std::size_t> neighboursUsed;  // per class
};

// SMOTE (Chawla et al. 2002): `needed[c]` synthetic rows for each class c. Only complete rows
// (no missing feature) take part. Distances are Euclidean on the numeric features divided by
// their standard deviation over all complete rows (population; 1 for a constant feature).
// With `nominal` (SMOTE-NC) each differing categorical feature adds Med^2 to the squared
// distance, Med being the median over the numeric features of their standard deviation within
// the class (in the same standardised units). The k nearest rows of the same class are exact
// (NeighbourIndex), ties broken by row. Each synthetic row picks a uniform random seed row of
// its class, a uniform random one of its neighbours and a uniform gap.
SmoteRows smoteRows(const ResampleInput& input, const std::vector<std::size_t>& needed,
                    std::size_t k, bool nominal, Random& random, unsigned threads,
                    const TaskContext& task);

}  // namespace glassbox
