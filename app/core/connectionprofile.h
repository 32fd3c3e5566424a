// SPDX-License-Identifier: GPL-3.0-or-later
// Where the app connects: the embedded local backend (default) or a remote server by URL. Only
// non-secret fields live here (QSettings); tokens are in the SecretStore, keyed by profile id.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace cidadao::client {

struct ConnectionProfile
{
    enum class Kind { Local, Remote };

    QString id;
    QString name;
    Kind kind = Kind::Local;
    QUrl url; // Remote only
    QString lastEmail;

    bool isValid() const;
    static ConnectionProfile local();
    static ConnectionProfile remote(QString name, QUrl url);
};

// The profiles and which one is current, in QSettings. The settings object is passed in so that
// tests can point it at a temporary file.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings& settings);

    // Never empty: the Local profile exists even before anything was saved.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString& id) const;
    void save(const ConnectionProfile& profile);
    void remove(const QString& id);
    ConnectionProfile current() const;
    void setCurrent(const QString& id);

private:
    QSettings& m_settings;
};

} // namespace cidadao::client
