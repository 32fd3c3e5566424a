// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, the portal in Flatpak).
#pragma once

#include "secretstore.h"

namespace cidadao::client {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("cidadao-ai-desktop"), QObject* parent = nullptr);

    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString name() const override { return QStringLiteral("keychain"); }

private:
    QString m_service;
};

} // namespace cidadao::client
