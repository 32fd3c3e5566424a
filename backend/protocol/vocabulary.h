// SPDX-License-Identifier: GPL-3.0-or-later
// The closed sets of words of the API (spec/API.md §3–§5, seeds): data sources, anomaly types,
// severities, statuses, phases, roles, agent states. Each set is a namespace of constants plus an
// `All` list that validation and documentation iterate, so a new word is added in one place.
#pragma once

#include <initializer_list>

namespace cidadao::protocol {

namespace DataSource {
inline constexpr char Contracts[] = "contracts";
inline constexpr char Expenses[] = "expenses";
inline constexpr char Agreements[] = "agreements";
inline constexpr char Biddings[] = "biddings";
inline constexpr char Servants[] = "servants";
inline constexpr std::initializer_list<const char*> All = {Contracts, Expenses, Agreements, Biddings, Servants};
} // namespace DataSource

namespace AnomalyType {
inline constexpr char Price[] = "price";
inline constexpr char Vendor[] = "vendor";
inline constexpr char Temporal[] = "temporal";
inline constexpr char Payment[] = "payment";
inline constexpr char Duplicate[] = "duplicate";
inline constexpr char Pattern[] = "pattern";
inline constexpr std::initializer_list<const char*> All = {Price, Vendor, Temporal, Payment, Duplicate, Pattern};
// The seed's default for InvestigationRequest.anomaly_types.
inline constexpr std::initializer_list<const char*> Default = {Price, Vendor, Temporal, Payment};
} // namespace AnomalyType

namespace Severity {
inline constexpr char Low[] = "low";
inline constexpr char Medium[] = "medium";
inline constexpr char High[] = "high";
inline constexpr char Critical[] = "critical";
inline constexpr std::initializer_list<const char*> All = {Low, Medium, High, Critical};
} // namespace Severity

// InvestigationStatus.status (the seed's four, plus cancelled).
namespace InvestigationState {
inline constexpr char Started[] = "started";
inline constexpr char Processing[] = "processing";
inline constexpr char Completed[] = "completed";
inline constexpr char Failed[] = "failed";
inline constexpr char Cancelled[] = "cancelled";
inline constexpr std::initializer_list<const char*> All = {Started, Processing, Completed, Failed, Cancelled};
inline constexpr std::initializer_list<const char*> Finished = {Completed, Failed, Cancelled};
} // namespace InvestigationState

// InvestigationStatus.current_phase, in the order an investigation walks them.
namespace InvestigationPhase {
inline constexpr char DataRetrieval[] = "data_retrieval";
inline constexpr char AnomalyDetection[] = "anomaly_detection";
inline constexpr char PatternAnalysis[] = "pattern_analysis";
inline constexpr char ReportGeneration[] = "report_generation";
inline constexpr char Completed[] = "completed";
inline constexpr std::initializer_list<const char*> All = {DataRetrieval, AnomalyDetection, PatternAnalysis,
                                                           ReportGeneration, Completed};
} // namespace InvestigationPhase

namespace UserRole {
inline constexpr char Admin[] = "admin";
inline constexpr char Analyst[] = "analyst";
inline constexpr char Citizen[] = "citizen";
inline constexpr std::initializer_list<const char*> All = {Admin, Analyst, Citizen};
inline constexpr const char* Default = Analyst;
} // namespace UserRole

// AgentResponse.status and the agent:{id} channel.
namespace AgentState {
inline constexpr char Idle[] = "IDLE";
inline constexpr char Processing[] = "PROCESSING";
inline constexpr char Completed[] = "COMPLETED";
inline constexpr char Error[] = "ERROR";
inline constexpr char Reflecting[] = "REFLECTING";
inline constexpr std::initializer_list<const char*> All = {Idle, Processing, Completed, Error, Reflecting};
} // namespace AgentState

namespace PageDirection {
inline constexpr char Next[] = "next";
inline constexpr char Prev[] = "prev";
inline constexpr std::initializer_list<const char*> All = {Next, Prev};
} // namespace PageDirection

// ChatSession.status.
namespace SessionState {
inline constexpr char Active[] = "active";
inline constexpr char Archived[] = "archived";
inline constexpr std::initializer_list<const char*> All = {Active, Archived};
} // namespace SessionState

// The chat history item's role.
namespace MessageRole {
inline constexpr char User[] = "user";
inline constexpr char Assistant[] = "assistant";
inline constexpr char System[] = "system";
inline constexpr std::initializer_list<const char*> All = {User, Assistant, System};
} // namespace MessageRole

// GET /investigations/{id}/export?format=
namespace ExportFormat {
inline constexpr char Pdf[] = "pdf";
inline constexpr char Csv[] = "csv";
inline constexpr char Json[] = "json";
inline constexpr char Markdown[] = "md";
inline constexpr std::initializer_list<const char*> All = {Pdf, Csv, Json, Markdown};
} // namespace ExportFormat

// The 26 states and the Federal District (filters.uf).
namespace Uf {
inline constexpr std::initializer_list<const char*> All = {
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
    "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"};
} // namespace Uf

} // namespace cidadao::protocol
