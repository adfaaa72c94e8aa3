//===- TuSummary.cpp - what one translation unit tells the join -----------===//
#include "privacy/summary/TuSummary.h"

namespace privacy::summary {

namespace {

constexpr std::pair<FlowKind, const char *> FlowKindNames[] = {
    {FlowKind::Transfer, "transfer"}, {FlowKind::Store, "store"},
    {FlowKind::Log, "log"},           {FlowKind::Network, "network"},
    {FlowKind::Purpose, "purpose"},   {FlowKind::Slot, "slot"}};

constexpr std::pair<BoundValue::Order, const char *> BindOrderNames[] = {
    {BoundValue::Order::Placeholders, "placeholders"},
    {BoundValue::Order::AfterFixed, "after_fixed"},
    {BoundValue::Order::BeforeFixed, "before_fixed"}};

} // namespace

const char *bindOrderName(BoundValue::Order O) {
  for (const auto &[Order, Name] : BindOrderNames)
    if (Order == O)
      return Name;
  return "placeholders";
}

std::optional<BoundValue::Order> bindOrderNamed(const std::string &Name) {
  for (const auto &[Order, OrderName] : BindOrderNames)
    if (Name == OrderName)
      return Order;
  return std::nullopt;
}

const char *flowKindName(FlowKind K) {
  for (const auto &[Kind, Name] : FlowKindNames)
    if (Kind == K)
      return Name;
  return "log";
}

std::optional<FlowKind> flowKindNamed(const std::string &Name) {
  for (const auto &[Kind, KindName] : FlowKindNames)
    if (Name == KindName)
      return Kind;
  return std::nullopt;
}

std::vector<std::string> splitPurposes(const std::string &Joined) {
  std::vector<std::string> Out;
  size_t Begin = 0;
  for (size_t Comma; (Comma = Joined.find(',', Begin)) != std::string::npos;
       Begin = Comma + 1)
    Out.push_back(Joined.substr(Begin, Comma - Begin));
  Out.push_back(Joined.substr(Begin));
  return Out;
}

std::string joinPurposes(const std::vector<std::string> &Purposes) {
  std::string Out;
  for (size_t I = 0; I < Purposes.size(); ++I)
    Out += (I ? "," : "") + Purposes[I];
  return Out;
}

} // namespace privacy::summary
