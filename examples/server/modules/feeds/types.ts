import type { RehostedImage } from './media.js';

export interface FeedSlide extends RehostedImage {
  id: string;
  type: 'image' | 'video';
  /** Re-hosted video file, for video slides (the renditions are its poster). */
  video?: string;
}

export interface FeedPost {
  id: string;
  type: 'image' | 'video' | 'carousel';
  caption: string;
  alt: string;
  permalink: string;
  timestamp: string;
  slides: FeedSlide[];
}

export interface Hotspot {
  id: string;
  slide: number;
  x: number;
  y: number;
  productId: string;
  source: 'instagram' | 'merchant';
}
