// GB 32100-2015 unified social credit code check. Method and source: chaingap/import/credit_code.hpp.
#include "chaingap/import/credit_code.hpp"

namespace chaingap {

namespace {
constexpr std::string_view kCodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100-2015 code set, 31 characters
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};  // 3^(i-1) mod 31

int value_of(char c) {
    const std::size_t p = kCodeSet.find(c);
    return p == std::string_view::npos ? -1 : static_cast<int>(p);
}
}  // namespace

char credit_code_check_char(std::string_view s) {
    if (s.size() < 17) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const int v = value_of(s[i]);
        if (v < 0) return '\0';
        sum += v * kWeights[i];
    }
    const int c = 31 - sum % 31;
    return kCodeSet[c == 31 ? 0 : c];
}

CreditCodeCheck check_credit_code(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    CreditCodeCheck r;
    std::string s(text);
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (s.size() != 18) {
        r.error =
            "a unified social credit code has 18 characters, got " + std::to_string(s.size()) + " bytes ('" + s + "')";
        return r;
    }
    for (std::size_t i = 0; i < 18; ++i)
        if (value_of(s[i]) < 0) {
            r.error = "character " + std::to_string(i + 1) + " of '" + s +
                      "' is not in the GB 32100-2015 code set (0-9, A-Y without I O S V Z)";
            return r;
        }
    for (std::size_t i = 2; i < 8; ++i)
        if (s[i] < '0' || s[i] > '9') {
            r.error = "characters 3-8 of '" + s + "' must be the GB/T 2260 division code (digits)";
            return r;
        }
    const char want = credit_code_check_char(s);
    if (s[17] != want) {
        r.error = "check character of '" + s + "' is " + std::string(1, s[17]) + ", GB 32100-2015 gives " +
                  std::string(1, want);
        return r;
    }
    r.code = s;
    return r;
}

}  // namespace chaingap
