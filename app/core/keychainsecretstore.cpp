// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace cidadao::client {

namespace {

SecretResult resultOf(const QKeychain::Job* job, QByteArray value = {})
{
    SecretResult result;
    result.ok = job->error() == QKeychain::NoError;
    result.notFound = job->error() == QKeychain::EntryNotFound;
    result.error = job->errorString();
    result.value = std::move(value);
    return result;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString& key, Callback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        auto* reader = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (done)
            done(resultOf(reader, reader->binaryData()));
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QByteArray& value, Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        if (done)
            done(resultOf(finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        if (done)
            done(resultOf(finished));
    });
    job->start();
}

} // namespace cidadao::client
