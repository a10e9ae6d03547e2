/// The JSON Schema of a `decode -T json` record, as published in
/// `schema/record.schema.json` (a test keeps the two identical).
public enum RecordSchema {
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:dlmscope:schema:record:1",
  "title": "dlmscope decode record",
  "description": "One line of `dlmscope decode -T json`: an APDU after all reassembly, a link frame that carries none, or an event that belongs to no frame.",
  "type": "object",
  "required": [
    "file",
    "index",
    "packets",
    "time",
    "flow",
    "direction",
    "transport",
    "apdu",
    "security",
    "findings"
  ],
  "properties": {
    "file": {
      "type": "string",
      "description": "The input as given on the command line."
    },
    "index": {
      "type": "integer",
      "minimum": 1,
      "description": "1-based record number within this file."
    },
    "packets": {
      "type": "array",
      "items": {
        "type": "integer",
        "minimum": 1
      },
      "description": "Capture packet or log line numbers (1-based) that carried the record."
    },
    "time": {
      "type": [
        "string",
        "null"
      ],
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z$",
      "description": "RFC 3339 UTC time of the last carrier packet, with microseconds."
    },
    "flow": {
      "type": [
        "string",
        "null"
      ],
      "description": "Sender and receiver, e.g. \"10.0.0.2:50000 -> 10.0.0.1:4059\"; null for serial traffic."
    },
    "direction": {
      "enum": [
        "client-to-server",
        "server-to-client",
        "unknown"
      ]
    },
    "transport": {
      "type": "object",
      "required": [
        "kind"
      ],
      "properties": {
        "kind": {
          "enum": [
            "wrapper",
            "hdlc",
            "mbus",
            "iec61334-4-32",
            "raw",
            "none"
          ]
        }
      },
      "description": "The framing and its header fields."
    },
    "apdu": {
      "oneOf": [
        {
          "type": "null"
        },
        {
          "type": "object",
          "required": [
            "type"
          ],
          "properties": {
            "type": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
            },
            "variant": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
            },
            "reassembled": {
              "type": "object",
              "required": [
                "from",
                "blocks"
              ],
              "properties": {
                "from": {
                  "enum": [
                    "general-block-transfer",
                    "with-datablock",
                    "with-pblock"
                  ]
                },
                "blocks": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            },
            "raw": {
              "type": "string",
              "pattern": "^([0-9A-F]{2})*$",
              "description": "The bytes, when they could not be decoded."
            },
            "text": {
              "type": "string",
              "description": "The bytes as text, when they are no APDU but printable (a DSMR P1 telegram in a ciphered frame)."
            },
            "error": {
              "type": "string"
            }
          }
        }
      ],
      "description": "The decoded APDU: its type and variant, then its fields (camelCase keys); COSEM data values are objects per $defs/data. Bytes that are no APDU give the type their tag would have (or \"unknown\"), `raw` and `error`."
    },
    "security": {
      "oneOf": [
        {
          "type": "null"
        },
        {
          "$ref": "#/$defs/security"
        }
      ]
    },
    "findings": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/finding"
      }
    },
    "partner": {
      "type": "integer",
      "minimum": 1,
      "description": "The index of the record this one answers or is answered by (a request and its response)."
    },
    "hls": {
      "type": "object",
      "required": [
        "mechanism",
        "result"
      ],
      "properties": {
        "mechanism": {
          "type": "integer",
          "minimum": 0,
          "maximum": 7
        },
        "result": {
          "enum": [
            "valid",
            "invalid",
            "unchecked"
          ]
        },
        "responder": {
          "enum": [
            "client",
            "server"
          ],
          "description": "Who answered: the client with f(StoC) (pass 3) or its LLS password, the server with f(CtoS) (pass 4)."
        },
        "reason": {
          "type": "string"
        }
      },
      "description": "For an HLS pass 3/4 reply (reply_to_HLS_authentication), or an AARQ's LLS password (mechanism 1): whether it proves the sender holds the secret."
    },
    "securitySetup": {
      "type": "object",
      "description": "For a Security setup (class 64) method invocation or its answer: the method and what it carried — transferred keys by id, size and unwrap result (never their values; once the meter accepts them they open the traffic that follows), key_agreement ephemeral keys with their signature verdicts, certificates and PKCS #10 requests by content, key pair types, certificate identifications.",
      "required": [
        "method",
        "response"
      ],
      "properties": {
        "method": {
          "type": "string",
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
          "description": "security-activate, key-transfer, key-agreement, generate-key-pair, generate-certificate-request, import-certificate, export-certificate, remove-certificate, or method-N for another method id."
        },
        "response": {
          "type": "boolean"
        },
        "certificate": {
          "type": "object"
        }
      }
    }
  },
  "$defs": {
    "finding": {
      "type": "object",
      "required": [
        "severity",
        "code",
        "message"
      ],
      "properties": {
        "severity": {
          "enum": [
            "error",
            "warning",
            "info"
          ]
        },
        "code": {
          "type": "string",
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
        },
        "message": {
          "type": "string"
        },
        "packet": {
          "type": "integer",
          "minimum": 1
        },
        "offset": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "security": {
      "type": "object",
      "required": [
        "envelope",
        "securityControl",
        "suite",
        "authenticated",
        "encrypted",
        "key",
        "tag",
        "signature",
        "decrypted",
        "plaintext"
      ],
      "properties": {
        "envelope": {
          "type": "string"
        },
        "securityControl": {
          "type": "integer",
          "minimum": 0,
          "maximum": 255
        },
        "suite": {
          "type": "integer",
          "minimum": 0,
          "maximum": 15
        },
        "authenticated": {
          "type": "boolean"
        },
        "encrypted": {
          "type": "boolean"
        },
        "key": {
          "enum": [
            "global-unicast",
            "global-broadcast",
            "dedicated",
            "agreed",
            "transported",
            "none"
          ]
        },
        "systemTitle": {
          "type": "string",
          "pattern": "^([0-9A-F]{2})*$"
        },
        "invocationCounter": {
          "type": "integer",
          "minimum": 0
        },
        "tag": {
          "enum": [
            "valid",
            "invalid",
            "unchecked",
            "absent"
          ]
        },
        "signature": {
          "enum": [
            "valid",
            "invalid",
            "unchecked",
            null
          ]
        },
        "decrypted": {
          "type": "boolean"
        },
        "plaintext": {
          "type": [
            "string",
            "null"
          ],
          "pattern": "^([0-9A-F]{2})*$"
        },
        "systemTitleSource": {
          "enum": [
            "association",
            "apdu",
            "configuration",
            "keys-file"
          ],
          "description": "Where the sender's system title used for the IV came from: the AARQ/AARE of the association, the APDU itself (general-glo/ded-ciphering), the key flags or the keys file's [default], or the keys file's only entry."
        },
        "keySource": {
          "type": "string",
          "description": "Which keys-file entry gave the encryption key: \"default\", an entry's system title (for an agreed key, the recipient's, whose agreement key derived it), or \"association\" for a dedicated key learned from the AARQ (never the key)."
        },
        "plaintextWithheld": {
          "type": "string",
          "description": "Why `plaintext` is null although the envelope was opened: it holds a secret (shown with --show-secrets)."
        },
        "certificate": {
          "type": "object",
          "description": "The X.509 certificate (from the keys file) whose public key checked the signature: subject, issuer, validity, key usage and the system title in its subject.",
          "required": [
            "subject",
            "issuer",
            "serialNumber",
            "notBefore",
            "notAfter",
            "sha256Fingerprint"
          ],
          "properties": {
            "subject": {
              "type": "string"
            },
            "issuer": {
              "type": "string"
            },
            "serialNumber": {
              "type": "string"
            },
            "notBefore": {
              "type": "string"
            },
            "notAfter": {
              "type": "string"
            },
            "keyUsage": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "systemTitle": {
              "type": "string",
              "pattern": "^([0-9A-F]{2})*$"
            },
            "publicKeyCurve": {
              "enum": [
                "P-256",
                "P-384"
              ]
            },
            "sha256Fingerprint": {
              "type": "string"
            }
          }
        }
      }
    },
    "data": {
      "description": "A COSEM data value: its A-XDR type in kebab case and its value, plus annotations.",
      "type": "object",
      "required": [
        "type",
        "value"
      ],
      "properties": {
        "type": {
          "type": "string",
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
        }
      }
    }
  }
}

"""#
}
