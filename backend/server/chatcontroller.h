// SPDX-License-Identifier: GPL-3.0-or-later
// The chat routes (spec/API.md §4): /message and /stream run a turn on the chat pool (the stream's
// first event is written before any of it), the agents and suggestions, and the caller's sessions
// and history. Chat routes are AnonymousOk: a token, or nothing on a server run with --allow-anonymous.
#pragma once

#include "chat/chatservice.h"
#include "http/router.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace cidadao::http {
class SseStream;
}

namespace cidadao::server {

class ChatController : public QObject
{
    Q_OBJECT
public:
    explicit ChatController(chat::ChatService& service, QObject* parent = nullptr);
    ~ChatController() override;

    void registerRoutes(http::Router& router);

private:
    void message(http::Request& request, http::Responder& responder);
    void stream(http::Request& request, http::Responder& responder);
    void agents(http::Request& request, http::Responder& responder);
    void suggestions(http::Request& request, http::Responder& responder);
    void sessions(http::Request& request, http::Responder& responder);
    void session(http::Request& request, http::Responder& responder);
    void deleteSession(http::Request& request, http::Responder& responder);
    void history(http::Request& request, http::Responder& responder);
    void deleteHistory(http::Request& request, http::Responder& responder);
    void paginatedHistory(http::Request& request, http::Responder& responder);

    void streamSend(quint64 key, const protocol::Json& event);
    void streamClose(quint64 key);

    chat::ChatService& m_service;
    QHash<quint64, std::shared_ptr<http::SseStream>> m_streams;
    quint64 m_nextStream = 0;
};

} // namespace cidadao::server
