import { Module } from '@nestjs/common';
import { MapsResolver } from './maps.resolver';
import { MapsService } from './maps.service';

// The province's own licensed boundary map for the dashboard (issue 15).
@Module({ providers: [MapsService, MapsResolver] })
export class MapsModule {}
