// Usage statistics (제1조 선택정보: 서비스 이용 통계).
#include "cloudz/services.h"

#include <map>

namespace cloudz {
// Everything in cloudz::analytics computes usage statistics.
namespace PRIVACY_PURPOSE("usage_statistics") analytics {

std::vector<std::pair<std::string, int>> visitsPerDay(const std::vector<Visit> &visits) {
  std::map<std::string, int> perDay;
  for (const Visit &v : visits)
    ++perDay[std::to_string(v.visitTime / 86400)]; // visit_time: allowed
  return {perDay.begin(), perDay.end()};
}

// Mistake: members' names are not collected for statistics; the policy
// allows 'name' only for the required purposes and marketing.
std::vector<std::pair<std::string, int>> plansByMember(const std::vector<Member> &members) {
  std::vector<std::pair<std::string, int>> out;
  for (const Member &m : members)
    out.emplace_back(m.name, m.plan);
  return out;
}

} // namespace analytics
} // namespace cloudz
