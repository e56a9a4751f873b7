// The unified social credit code (统一社会信用代码) of a legal person or other organisation: format
// and check character.
//
// Method: GB 32100-2015《法人和其他组织统一社会信用代码编码规则》. 18 characters from the code set
// 0-9 A-H J-N P-R T U W-Y (31 characters, I O S V Z excluded; value = position in that list):
//   1       registration authority (登记管理部门码)
//   2       organisation type (机构类别码)
//   3–8     GB/T 2260 division of the registration authority (登记管理机关行政区划码, digits)
//   9–17    organisation code (主体标识码, GB 11714)
//   18      check character: C18 = 31 − (Σ_{i=1..17} C_i · W_i mod 31), W_i = 3^(i−1) mod 31
//           (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28); 31 is written 0.
// Lower-case letters are accepted and upper-cased (exports differ); spaces around are trimmed.
// The GB 11714 check of characters 9–17 is not applied: it is not required for the code to be
// valid under GB 32100-2015, and codes of 个体工商户 (92…) are issued without a meaningful one.
// Complexity O(18).
#pragma once
#include <string>
#include <string_view>

namespace chaingap {

struct CreditCodeCheck {
    std::string code;   // normalised (trimmed, upper case) when ok
    std::string error;  // "" when valid; else why (length, character, region digits, check character)
    bool ok() const { return error.empty(); }
};

CreditCodeCheck check_credit_code(std::string_view text);

// The check character for the first 17 characters (which must be in the code set); '\0' otherwise.
char credit_code_check_char(std::string_view first17);

}  // namespace chaingap
