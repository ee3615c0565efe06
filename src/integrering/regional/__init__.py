"""Regional integration work: activities, guidance requests, organisations, sector partners."""
