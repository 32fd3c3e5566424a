// SPDX-License-Identifier: GPL-3.0-or-later
// Every JSON key of the API, spelled once. Encoders, decoders and validation messages all use these,
// so a misspelt key is a compile error instead of a silently missing field. Spellings follow the
// seeds: snake_case for the Cidadão.AI API and the voice protocol, camelCase for the workflow
// protocol (genesis), short keys for the cursor.
#pragma once

namespace cidadao::protocol::Key {

// --- Common ---------------------------------------------------------------------------------------
inline constexpr char Type[] = "type";
inline constexpr char Data[] = "data";
inline constexpr char Id[] = "id";
inline constexpr char Timestamp[] = "timestamp";
inline constexpr char Status[] = "status";
inline constexpr char Message[] = "message";
inline constexpr char Metadata[] = "metadata";
inline constexpr char Context[] = "context";
inline constexpr char Details[] = "details";
inline constexpr char Error[] = "error";
inline constexpr char Code[] = "code";
inline constexpr char Name[] = "name";
inline constexpr char Role[] = "role";
inline constexpr char Description[] = "description";
inline constexpr char Confidence[] = "confidence";
inline constexpr char SessionId[] = "session_id";
inline constexpr char AgentId[] = "agent_id";
inline constexpr char AgentName[] = "agent_name";
inline constexpr char MessageId[] = "message_id";
inline constexpr char SuggestedActions[] = "suggested_actions";
inline constexpr char Content[] = "content";
inline constexpr char Version[] = "version";
inline constexpr char Total[] = "total";

// --- Errors (§1) ----------------------------------------------------------------------------------
inline constexpr char StatusCode[] = "status_code";
inline constexpr char Detail[] = "detail";       // FastAPI's error body
inline constexpr char Field[] = "field";
inline constexpr char ErrorType[] = "error_type";
inline constexpr char Loc[] = "loc";             // FastAPI validation item
inline constexpr char Msg[] = "msg";             // FastAPI validation item

// --- Chat (§4) ------------------------------------------------------------------------------------
inline constexpr char RequiresInput[] = "requires_input";
inline constexpr char FollowUpQuestions[] = "follow_up_questions";
inline constexpr char Label[] = "label";
inline constexpr char Icon[] = "icon";
inline constexpr char Action[] = "action";
inline constexpr char UserId[] = "user_id";
inline constexpr char Title[] = "title";
inline constexpr char CurrentInvestigationId[] = "current_investigation_id";
inline constexpr char MessageCount[] = "message_count";
inline constexpr char LastMessageAt[] = "last_message_at";
inline constexpr char CreatedAt[] = "created_at";
inline constexpr char UpdatedAt[] = "updated_at";
inline constexpr char Sessions[] = "sessions";
inline constexpr char Count[] = "count";
inline constexpr char Offset[] = "offset";
inline constexpr char Messages[] = "messages";
inline constexpr char TotalMessages[] = "total_messages";

// --- Chat stream (SSE) ----------------------------------------------------------------------------
inline constexpr char Intent[] = "intent";
inline constexpr char Showing[] = "showing";
inline constexpr char Index[] = "index";
inline constexpr char FallbackEndpoint[] = "fallback_endpoint";
// contract.data (upstream, Portuguese names)
inline constexpr char Numero[] = "numero";
inline constexpr char Objeto[] = "objeto";
inline constexpr char Valor[] = "valor";
inline constexpr char ValorFormatado[] = "valor_formatado";
inline constexpr char Fornecedor[] = "fornecedor";
inline constexpr char CnpjFornecedor[] = "cnpj_fornecedor";
inline constexpr char Orgao[] = "orgao";
inline constexpr char DataAssinatura[] = "data_assinatura";
inline constexpr char VigenciaInicio[] = "vigencia_inicio";
inline constexpr char VigenciaFim[] = "vigencia_fim";
inline constexpr char Situacao[] = "situacao";
inline constexpr char Modalidade[] = "modalidade";
inline constexpr char Processo[] = "processo";

// --- Investigations (§5) --------------------------------------------------------------------------
inline constexpr char Query[] = "query";
inline constexpr char DataSource[] = "data_source";
inline constexpr char Filters[] = "filters";
inline constexpr char AnomalyTypes[] = "anomaly_types";
inline constexpr char IncludeExplanations[] = "include_explanations";
inline constexpr char StreamResults[] = "stream_results";
inline constexpr char InvestigationId[] = "investigation_id";
inline constexpr char StartedAt[] = "started_at";
inline constexpr char CompletedAt[] = "completed_at";
inline constexpr char AnomaliesFound[] = "anomalies_found";
inline constexpr char TotalRecordsAnalyzed[] = "total_records_analyzed";
inline constexpr char Results[] = "results";
inline constexpr char Summary[] = "summary";
inline constexpr char ConfidenceScore[] = "confidence_score";
inline constexpr char ProcessingTime[] = "processing_time";
inline constexpr char AnomalyId[] = "anomaly_id";
inline constexpr char Severity[] = "severity";
inline constexpr char Explanation[] = "explanation";
inline constexpr char AffectedRecords[] = "affected_records";
inline constexpr char Progress[] = "progress";
inline constexpr char CurrentPhase[] = "current_phase";
inline constexpr char RecordsProcessed[] = "records_processed";
inline constexpr char AnomaliesDetected[] = "anomalies_detected";
inline constexpr char EstimatedCompletion[] = "estimated_completion";
// filters
inline constexpr char Organization[] = "organization";
inline constexpr char StartDate[] = "start_date";
inline constexpr char EndDate[] = "end_date";
inline constexpr char Vendor[] = "vendor";
inline constexpr char MinValue[] = "min_value";
inline constexpr char MaxValue[] = "max_value";
inline constexpr char Uf[] = "uf";

// --- Auth (§3) ------------------------------------------------------------------------------------
inline constexpr char Email[] = "email";
inline constexpr char Password[] = "password";
inline constexpr char AccessToken[] = "access_token";
inline constexpr char RefreshToken[] = "refresh_token";
inline constexpr char TokenType[] = "token_type";
inline constexpr char ExpiresIn[] = "expires_in";
inline constexpr char User[] = "user";
inline constexpr char IsActive[] = "is_active";
inline constexpr char LastLogin[] = "last_login";

// --- Agents ---------------------------------------------------------------------------------------
inline constexpr char Sender[] = "sender";
inline constexpr char Recipient[] = "recipient";
inline constexpr char Payload[] = "payload";
inline constexpr char RequiresResponse[] = "requires_response";
inline constexpr char Result[] = "result";
inline constexpr char ProcessingTimeMs[] = "processing_time_ms";

// --- Pagination and cursor (seed) -----------------------------------------------------------------
inline constexpr char Cursor[] = "cursor";
inline constexpr char Limit[] = "limit";
inline constexpr char Direction[] = "direction";
inline constexpr char Items[] = "items";
inline constexpr char NextCursor[] = "next_cursor";
inline constexpr char PrevCursor[] = "prev_cursor";
inline constexpr char HasMore[] = "has_more";
inline constexpr char TotalItems[] = "total_items";
inline constexpr char CursorTimestamp[] = "t";
inline constexpr char CursorId[] = "i";
inline constexpr char CursorDirection[] = "d";

// --- Voice (§8) -----------------------------------------------------------------------------------
inline constexpr char Audio[] = "audio";
inline constexpr char Text[] = "text";
inline constexpr char Tool[] = "tool";
inline constexpr char Parameters[] = "parameters";
inline constexpr char WebsocketEndpoint[] = "websocket_endpoint";
inline constexpr char Note[] = "note";
inline constexpr char Endpoints[] = "endpoints";
inline constexpr char Health[] = "health";
inline constexpr char Websocket[] = "websocket";
inline constexpr char TestPage[] = "test_page";

// --- Workflows and channels (§9, genesis: camelCase) ----------------------------------------------
inline constexpr char CorrelationId[] = "correlationId";
inline constexpr char Channels[] = "channels";
inline constexpr char WorkflowId[] = "workflowId";
inline constexpr char ExecutionId[] = "executionId";
inline constexpr char NodeId[] = "nodeId";
inline constexpr char Input[] = "input";
inline constexpr char Output[] = "output";
inline constexpr char DurationMs[] = "duration_ms";
inline constexpr char Nodes[] = "nodes";
inline constexpr char DependsOn[] = "dependsOn";
inline constexpr char Entity[] = "entity";
inline constexpr char Op[] = "op";
inline constexpr char Kind[] = "kind";
inline constexpr char AgentIdCamel[] = "agentId";

// --- Service info (§10) ---------------------------------------------------------------------------
inline constexpr char ApiVersion[] = "api_version";
inline constexpr char Mode[] = "mode";
inline constexpr char Features[] = "features";

} // namespace cidadao::protocol::Key
