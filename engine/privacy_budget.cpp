#include "engine/privacy_budget.h"

#include <cmath>
#include <cstdio>

#include "engine/errors.h"

namespace glassbox {

namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

}  // namespace

PrivacyLoss PrivacyLoss::of(double epsilon, double delta) {
    if (!(epsilon > 0.0) || !std::isfinite(epsilon))
        throw InvalidArgument("epsilon",
                              "must be a number greater than 0 (got " + number(epsilon) + ")");
    if (epsilon < std::ldexp(1.0, -kEpsilonBits))
        throw InvalidArgument("epsilon", "must be at least 2^-32 (got " + number(epsilon) + ")");
    if (epsilon > std::ldexp(1.0, 20))
        throw InvalidArgument("epsilon", "must be at most 2^20 (got " + number(epsilon) + ")");
    if (!(delta >= 0.0 && delta < 1.0))
        throw InvalidArgument("delta", "must be in [0, 1) (got " + number(delta) + ")");
    if (delta > 0.0 && delta < std::ldexp(1.0, -kDeltaBits))
        throw InvalidArgument("delta", "must be 0 or at least 2^-64 (got " + number(delta) + ")");
    // Scaling by a power of two is exact, and floor of a double is exact.
    PrivacyLoss loss;
    loss.epsilonUnits = static_cast<std::uint64_t>(std::floor(std::ldexp(epsilon, kEpsilonBits)));
    loss.deltaUnits = static_cast<std::uint64_t>(std::floor(std::ldexp(delta, kDeltaBits)));
    return loss;
}

double PrivacyLoss::epsilon() const {
    return std::ldexp(static_cast<double>(epsilonUnits), -kEpsilonBits);
}
double PrivacyLoss::delta() const {
    return std::ldexp(static_cast<double>(deltaUnits), -kDeltaBits);
}
long double PrivacyLoss::exactEpsilon() const {
    return std::ldexp(static_cast<long double>(epsilonUnits), -kEpsilonBits);
}
long double PrivacyLoss::exactDelta() const {
    return std::ldexp(static_cast<long double>(deltaUnits), -kDeltaBits);
}

PrivacyBudget::PrivacyBudget(double totalEpsilon, double totalDelta)
    : total_(PrivacyLoss::of(totalEpsilon, totalDelta)) {}

PrivacyLoss PrivacyBudget::remaining() const {
    return {total_.epsilonUnits - spent_.epsilonUnits, total_.deltaUnits - spent_.deltaUnits};
}

bool PrivacyBudget::allows(const PrivacyLoss& loss) const {
    const PrivacyLoss left = remaining();
    return loss.epsilonUnits <= left.epsilonUnits && loss.deltaUnits <= left.deltaUnits;
}

void PrivacyBudget::spend(const std::string& what, const PrivacyLoss& loss) {
    const PrivacyLoss left = remaining();
    if (loss.epsilonUnits > left.epsilonUnits)
        throw InvalidArgument("epsilon", "\"" + what + "\" needs " + number(loss.epsilon()) +
                                             " but only " + number(left.epsilon()) +
                                             " of the privacy budget of " +
                                             number(total_.epsilon()) + " is left");
    if (loss.deltaUnits > left.deltaUnits)
        throw InvalidArgument("delta", "\"" + what + "\" needs " + number(loss.delta()) +
                                           " but only " + number(left.delta()) +
                                           " of the privacy budget of " + number(total_.delta()) +
                                           " is left");
    spent_.epsilonUnits += loss.epsilonUnits;
    spent_.deltaUnits += loss.deltaUnits;
    ledger_.push_back({what, loss});
}

std::string PrivacyBudget::report() const {
    const PrivacyLoss left = remaining();
    std::string text = "privacy budget: epsilon " + number(total_.epsilon()) + " (spent " +
                       number(spent_.epsilon()) + ", left " + number(left.epsilon()) + ")";
    if (total_.deltaUnits > 0)
        text += ", delta " + number(total_.delta()) + " (spent " + number(spent_.delta()) +
                ", left " + number(left.delta()) + ")";
    text += "\n";
    for (std::size_t i = 0; i < ledger_.size(); ++i) {
        text += std::to_string(i + 1) + ". " + ledger_[i].what + ": epsilon " +
                number(ledger_[i].loss.epsilon());
        if (ledger_[i].loss.deltaUnits > 0) text += ", delta " + number(ledger_[i].loss.delta());
        text += "\n";
    }
    return text;
}

}  // namespace glassbox
