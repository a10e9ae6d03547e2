#ifndef CDLMSPCAP_SHIM_H
#define CDLMSPCAP_SHIM_H

#include <pcap/pcap.h>

#endif
