// Usage statistics (제1조 선택정보: 서비스 이용 통계).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

#include <map>

namespace cloudz {
// Everything in cloudz::analytics computes usage statistics.
namespace PRIVACY_PURPOSE("usage_statistics") analytics {

std::vector<std::pair<long, int>> visitsPerDay(const std::vector<Visit> &visits) {
  std::map<long, int> perDay;
  for (const Visit &v : visits) {
    if (!agreedToOptionalItems(v.userId)) // optional items need consent
      continue;
    ++perDay[v.visitTime / 86400];
  }
  return {perDay.begin(), perDay.end()};
}

// Mistake: names are not collected for statistics; the policy allows 'name'
// only for the required purposes and marketing.
std::vector<std::pair<std::string, int>> plansByMember(const std::vector<Member> &members) {
  std::vector<std::pair<std::string, int>> out;
  for (const Member &m : members)
    out.emplace_back(m.name, m.plan);
  return out;
}

} // namespace analytics
} // namespace cloudz
