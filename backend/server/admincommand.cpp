// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommand.h"

#include "authcontroller.h"

#include "auth/authservice.h"
#include "auth/crypto.h"
#include "auth/signingkey.h"
#include "protocol/jsonqt.h"
#include "store/database.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <unistd.h>

namespace cidadao::server {

int runCreateAdmin(const ServerOptions& options)
{
    QString password;
    if (!::isatty(STDIN_FILENO)) {
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            password = QString::fromUtf8(input.readLine()).trimmed();
    }
    try {
        QDir().mkpath(options.dataDir);
        auto database = store::Database::open(QDir(options.dataDir).filePath(QStringLiteral("cidadao.db")));
        store::migrate(*database);
        auth::Crypto crypto;
        auth::SigningKey key = options.jwtSecretFile.isEmpty() ? auth::SigningKey::loadOrCreate(crypto, options.dataDir)
                                                               : auth::SigningKey::fromFile(options.jwtSecretFile);
        auth::AuthService service(*database, crypto, std::move(key), auth::systemClock());
        const auto created = service.createAdmin(options.createAdminEmail, password);
        if (!created) {
            const protocol::ApiError error = AuthController::toApiError(created.error());
            std::fprintf(stderr, "cidadao-server: --create-admin: %s\n", qPrintable(error.message));
            return 1;
        }
        protocol::Json line{{"event", "admin_created"}, {"id", created->user.id}, {"email", created->user.email}};
        if (!created->generatedPassword.isEmpty())
            line["generated_password"] = created->generatedPassword; // shown once, never stored in clear
        std::puts(protocol::toBytes(line).constData());
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "cidadao-server: --create-admin: %s\n", error.what());
        return 1;
    }
}

} // namespace cidadao::server
