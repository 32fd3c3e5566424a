// SPDX-License-Identifier: GPL-3.0-or-later
// Where tokens live. Asynchronous because the OS keychain is (D-Bus); callbacks run on the
// caller's thread. MemorySecretStore is for tests and for the no-keychain fallback: secrets never
// go to a plain-text file.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace cidadao::client {

struct SecretResult
{
    bool ok = false;
    bool notFound = false; // a read of a key that was never written: not an error of the store
    QByteArray value;
    QString error;
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult&)>;
    using QObject::QObject;

    virtual void read(const QString& key, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& value, Callback done) = 0;
    virtual void remove(const QString& key, Callback done) = 0;
    virtual QString name() const = 0;
};

class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString name() const override { return QStringLiteral("memory"); }
    qsizetype size() const { return m_values.size(); }

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace cidadao::client
