//===- Duration.cpp - a retention period in words -------------------------===//
#include "privacy/Duration.h"

#include <vector>

namespace privacy {

std::string durationInWords(const std::string &D, bool Korean) {
  if (D.size() < 2 || D[0] != 'P')
    return "";
  struct Unit {
    char C;
    bool Time;
    const char *Ko, *EnOne, *EnMany;
  };
  static const Unit Units[] = {
      {'Y', false, "년", "year", "years"},
      {'M', false, "개월", "month", "months"},
      {'W', false, "주", "week", "weeks"},
      {'D', false, "일", "day", "days"},
      {'H', true, "시간", "hour", "hours"},
      {'M', true, "분", "minute", "minutes"},
      {'S', true, "초", "second", "seconds"},
  };
  constexpr size_t UnitCount = sizeof(Units) / sizeof(Units[0]);
  std::vector<std::string> Parts;
  bool InTime = false, SawTime = false;
  size_t NextUnit = 0;
  std::string Digits;
  for (size_t I = 1; I < D.size(); ++I) {
    char C = D[I];
    if (C >= '0' && C <= '9') {
      Digits += C;
      continue;
    }
    if (C == 'T' && !InTime && Digits.empty()) {
      InTime = SawTime = true;
      while (NextUnit < UnitCount && !Units[NextUnit].Time)
        ++NextUnit;
      continue;
    }
    if (Digits.empty() || Digits.size() > 9)
      return "";
    size_t U = NextUnit;
    while (U < UnitCount && (Units[U].C != C || Units[U].Time != InTime))
      ++U;
    if (U == UnitCount)
      return "";
    long N = std::stol(Digits);
    Digits.clear();
    NextUnit = U + 1;
    const Unit &Of = Units[U];
    Parts.push_back(std::to_string(N) +
                    (Korean
                         ? std::string(Of.Ko)
                         : " " + std::string(N == 1 ? Of.EnOne : Of.EnMany)));
  }
  if (!Digits.empty() || Parts.empty() || (SawTime && D.back() == 'T'))
    return "";
  std::string Out;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I > 0)
      Out += Korean ? " " : (I + 1 == Parts.size() ? " and " : ", ");
    Out += Parts[I];
  }
  return Out;
}

} // namespace privacy
