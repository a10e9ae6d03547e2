#ifndef CDLMSOPENSSL_SHIM_H
#define CDLMSOPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#endif
