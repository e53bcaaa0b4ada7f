#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace glassbox {

// An amount of privacy loss (epsilon, delta), kept as exact integers: epsilon in units of 2^-32,
// delta in units of 2^-64, both rounded down from what was asked. The mechanisms run with the
// rounded-down values, so what a budget charges is exactly what a release uses, and spends add
// up without floating-point drift (ten spends of 0.1 fit a budget of 1).
struct PrivacyLoss {
    static constexpr int kEpsilonBits = 32;
    static constexpr int kDeltaBits = 64;

    std::uint64_t epsilonUnits = 0;
    std::uint64_t deltaUnits = 0;

    // epsilon in [2^-32, 2^20]; delta 0 or in [2^-64, 1). Throws InvalidArgument("epsilon" or
    // "delta") otherwise.
    static PrivacyLoss of(double epsilon, double delta = 0.0);

    double epsilon() const;
    double delta() const;
    // epsilon() and delta() as long double (delta() loses digits below 2^-53 * delta).
    long double exactEpsilon() const;
    long double exactDelta() const;
};

// One release paid from a budget.
struct LedgerEntry {
    std::string what;
    PrivacyLoss loss;
};

// A total privacy budget spent by basic sequential composition: the losses of the releases add
// up, and a release that would exceed the total is refused before anything is released.
class PrivacyBudget {
  public:
    // totalEpsilon > 0 (as for a release), totalDelta 0 (pure epsilon-DP only) or in (0, 1).
    explicit PrivacyBudget(double totalEpsilon, double totalDelta = 0.0);

    // Charges `loss` for the release `what`, or throws InvalidArgument("epsilon" or "delta")
    // naming the release, what it needs and what is left; a refused release changes nothing.
    void spend(const std::string& what, const PrivacyLoss& loss);
    bool allows(const PrivacyLoss& loss) const;

    const PrivacyLoss& total() const { return total_; }
    const PrivacyLoss& spent() const { return spent_; }
    PrivacyLoss remaining() const;
    const std::vector<LedgerEntry>& ledger() const { return ledger_; }

    // The budget and the ledger as English lines: totals first, then one line per release.
    std::string report() const;

  private:
    PrivacyLoss total_;
    PrivacyLoss spent_;
    std::vector<LedgerEntry> ledger_;
};

}  // namespace glassbox
