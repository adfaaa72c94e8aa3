// The newsletter (제1조 선택정보, 홍보 및 마케팅에 관한 동의).
#include "cloudz/services.h"

namespace cloudz {

PRIVACY_PURPOSE("marketing")
std::string renderNewsletter(const Member &m) {
  // Marketing may use every item the member agreed to ("*").
  return "Dear " + m.name + " of " + m.company + ", our new plans are here.";
}

} // namespace cloudz
